"""Fixtures for the server tests. `rasa_server` itself lives in tests/conftest.py (shared
with tests/browser); it tells the messaging channels to send to `fake_api_url`."""

import pytest

from tests.server.fake_platform import FakePlatformAPI


@pytest.fixture(scope="session")
def fake_platform_api(rasa_server):
    """The platforms' APIs, listening where the test server's channels were told to send."""
    fake = FakePlatformAPI(rasa_server.fake_api_url)
    fake.start()
    yield fake
    fake.stop()
