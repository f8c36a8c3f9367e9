from bot.channels.deduplication import DeliveredMessages


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_the_same_message_id_is_answered_once():
    delivered = DeliveredMessages()
    assert delivered.first_delivery("whatsapp", "wamid.1") is True
    assert delivered.first_delivery("whatsapp", "wamid.1") is False


def test_the_same_id_on_another_channel_is_another_message():
    delivered = DeliveredMessages()
    assert delivered.first_delivery("telegram", "42")
    assert delivered.first_delivery("twilio", "42")


def test_a_message_without_an_id_is_always_answered():
    delivered = DeliveredMessages()
    assert delivered.first_delivery("facebook", None)
    assert delivered.first_delivery("facebook", None)
    assert delivered.first_delivery("facebook", "")


def test_ids_are_forgotten_after_their_time():
    clock = Clock()
    delivered = DeliveredMessages(ttl_seconds=60, clock=clock)
    delivered.first_delivery("whatsapp", "wamid.1")
    clock.now += 59
    assert not delivered.first_delivery("whatsapp", "wamid.1")
    clock.now += 2
    assert delivered.first_delivery("whatsapp", "wamid.1")


def test_the_memory_is_bounded():
    delivered = DeliveredMessages(max_ids=3)
    for n in range(10):
        delivered.first_delivery("whatsapp", n)
    assert len(delivered) == 3
    assert delivered.first_delivery("whatsapp", 0)  # long forgotten
