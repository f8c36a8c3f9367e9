"""Answer one incoming message: the part every messaging channel shares.

The webhook has already been authenticated and acknowledged; this runs in the background so
a slow model never makes the platform retry. The conversation is stored under a pseudonym
(bot.storage.pseudonym: a keyed hash of channel and address) and replies go to the real
address; a typed "2" picks the second offered button, the country comes from the phone
number, and a failure still sends the person a kind answer.
Message text, phone numbers and platform ids are never logged.
"""

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Set, Text

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.channels.channel_texts import channel_text
from bot.channels.incoming import IncomingMessage
from bot.channels.input_validation import usable_text
from bot.channels.numbered_options import OfferedButtons, chosen_payload
from bot.channels.phone_country import with_country
from bot.language.codes import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, negotiate
from bot.storage.pseudonym import pseudonym

logger = logging.getLogger(__name__)

_running: Set[asyncio.Task] = set()


def in_background(coroutine: Awaitable[Any]) -> asyncio.Task:
    """Run `coroutine` after the webhook has answered, keeping a reference until it ends."""
    task = asyncio.ensure_future(coroutine)
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


class ConversationReplies(OutputChannel):
    """What Rasa sends to for one conversation: the platform, at the real address.

    Rasa addresses replies to the pseudonymous sender id; this sends them to the address the
    message came from, remembers offered buttons for a typed choice, and counts replies so
    that silence can be noticed. A platform error is logged (without content), never raised
    into Rasa, so the conversation's state is still saved.
    """

    def __init__(self, channel: str, platform: OutputChannel, address: str,
                 conversation_id: str, offered: OfferedButtons):
        self._channel = channel
        self._platform = platform
        self._address = address
        self._conversation_id = conversation_id
        self._offered = offered
        self.sent = 0

    def name(self) -> Text:  # Rasa picks channel-specific response variations by this name
        return self._channel

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        buttons = message.get("buttons") or message.get("quick_replies")
        if buttons:
            self._offered.remember(self._conversation_id, buttons)
        self.sent += 1
        await self._deliver(self._platform.send_response(self._address, dict(message)))

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        self.sent += 1
        await self._deliver(self._platform.send_text_message(self._address, text))

    async def _deliver(self, sending: Awaitable[Any]) -> None:
        try:
            await sending
        except Exception as error:
            logger.error("Sending a %s reply failed: %s", self._channel, type(error).__name__)


async def answer(
    incoming: IncomingMessage,
    *,
    channel: str,
    platform: OutputChannel,
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    offered: OfferedButtons,
    agent: Any = None,
) -> None:
    """Hand `incoming` to Rasa and make sure the person gets an answer."""
    conversation_id = pseudonym(channel, incoming.address)  # keyed hash: names nobody
    replies = ConversationReplies(channel, platform, incoming.address, conversation_id, offered)
    metadata = dict(incoming.metadata)
    if incoming.phone_number:
        metadata = with_country(metadata, incoming.phone_number)

    if incoming.text is None:
        language = await conversation_language(agent, conversation_id, metadata)
        await replies.send_text_message(conversation_id, channel_text("only_text", language))
        return

    text = incoming.text
    if not incoming.is_choice:
        text = chosen_payload(text, offered.take(conversation_id)) or text
    message = UserMessage(
        usable_text(text), replies, conversation_id, input_channel=channel, metadata=metadata
    )
    try:
        await on_new_message(message)
    except Exception as error:  # the person must still get an answer
        logger.error("Answering a %s message failed: %s", channel, type(error).__name__)
    if not replies.sent:
        language = await conversation_language(agent, conversation_id, metadata)
        await replies.send_text_message(conversation_id, channel_text("something_went_wrong", language))


async def conversation_language(agent: Any, conversation_id: str, metadata: Dict[str, Any]) -> str:
    """The language to answer in outside the dialogue: the conversation's, else the app's."""
    try:
        tracker = await agent.tracker_store.retrieve(conversation_id) if agent else None
        language = tracker.get_slot("language") if tracker else None
    except Exception as error:
        logger.warning("Could not read the conversation's language: %s", type(error).__name__)
        language = None
    if language in SUPPORTED_LANGUAGES:
        return language
    return negotiate(metadata.get("language")) or DEFAULT_LANGUAGE


def answer_once(
    incoming: IncomingMessage,
    delivered: Any,
    *,
    channel: str,
    platform: OutputChannel,
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    offered: OfferedButtons,
    request: Any,
) -> None:
    """Answer `incoming` in the background, unless the platform delivered it before."""
    if delivered.first_delivery(channel, incoming.message_id):
        in_background(answer(
            incoming, channel=channel, platform=platform,
            on_new_message=on_new_message, offered=offered, agent=agent_of(request),
        ))


def agent_of(request: Any) -> Optional[Any]:
    """Rasa's agent (for the tracker store) from a Sanic request, if the app has one."""
    return getattr(getattr(request.app, "ctx", None), "agent", None)
