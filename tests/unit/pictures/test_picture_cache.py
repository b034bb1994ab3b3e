"""The renderer's cache: a picture is drawn once per draw, language, deck and content version, off the
event loop, and the cache holds no more bytes than it is given."""

from __future__ import annotations

import asyncio
import threading

import attrs
import pytest
from picture_support import varied_request

from adapters.pillow.renderer import PillowSpreadRenderer, picture_key
from tarot_domain.content.version import content_version
from tarot_ports.renderer import RenderRequest


class CountingDraw:
    """A drawing function that answers with a fixed-size picture naming its request, counts its calls,
    records the thread it ran on, and can be held until released (to make callers overlap)."""

    def __init__(self, size: int = 100, *, fail: bool = False) -> None:
        self.size, self.fail = size, fail
        self.calls: list[RenderRequest] = []
        self.threads: set[int] = set()
        self.release = threading.Event()
        self.release.set()

    def __call__(self, request: RenderRequest) -> bytes:
        self.calls.append(request)
        self.threads.add(threading.get_ident())
        self.release.wait(5)
        if self.fail:
            raise RuntimeError("the drawing failed")
        return picture_key(request).encode()[: self.size].ljust(self.size, b".")


def request(reversed_first: bool = False, language: str = "en") -> RenderRequest:
    base = varied_request("three", "rider-waite", language)
    first = attrs.evolve(base.cards[0], reversed=reversed_first)
    return attrs.evolve(base, cards=(first, *base.cards[1:]))


async def test_the_same_draw_is_drawn_once_and_off_the_event_loop() -> None:
    draw = CountingDraw()
    renderer = PillowSpreadRenderer(draw=draw)
    first = await renderer.render(request())
    again = await renderer.render(request())
    assert first == again and len(draw.calls) == 1
    assert threading.get_ident() not in draw.threads


async def test_another_draw_language_or_orientation_is_drawn_anew() -> None:
    draw = CountingDraw()
    renderer = PillowSpreadRenderer(draw=draw)
    await renderer.render(request())
    await renderer.render(request(reversed_first=True))
    await renderer.render(request(language="uk"))
    await renderer.render(attrs.evolve(request(), deck_id="thoth"))
    assert len(draw.calls) == 4 and renderer.cached == 4


async def test_concurrent_callers_for_one_picture_share_one_drawing() -> None:
    draw = CountingDraw()
    draw.release.clear()
    renderer = PillowSpreadRenderer(draw=draw)
    tasks = [asyncio.create_task(renderer.render(request())) for _ in range(5)]
    await asyncio.sleep(0.05)
    draw.release.set()
    pictures = await asyncio.gather(*tasks)
    assert len(set(pictures)) == 1 and len(draw.calls) == 1


async def test_a_cancelled_drawer_hands_over_to_a_waiting_caller() -> None:
    draw = CountingDraw()
    draw.release.clear()
    renderer = PillowSpreadRenderer(draw=draw)
    drawer = asyncio.create_task(renderer.render(request()))
    await asyncio.sleep(0.02)
    waiter = asyncio.create_task(renderer.render(request()))
    await asyncio.sleep(0.02)
    drawer.cancel()
    draw.release.set()
    picture = await waiter
    assert picture and len(draw.calls) == 2


async def test_the_cache_keeps_the_most_recent_pictures_within_its_bytes() -> None:
    draw = CountingDraw(size=100)
    renderer = PillowSpreadRenderer(cache_bytes=250, draw=draw)
    a, b, c = request(), request(reversed_first=True), request(language="uk")
    for item in (a, b, a, c):  # a is used again before c arrives, so b is the one let go
        await renderer.render(item)
    assert renderer.cached == 2 and len(draw.calls) == 3
    await renderer.render(a)
    assert len(draw.calls) == 3
    await renderer.render(b)
    assert len(draw.calls) == 4


async def test_no_cache_when_given_no_bytes() -> None:
    draw = CountingDraw()
    renderer = PillowSpreadRenderer(cache_bytes=0, draw=draw)
    await renderer.render(request())
    await renderer.render(request())
    assert len(draw.calls) == 2 and renderer.cached == 0


async def test_a_failed_drawing_is_not_cached() -> None:
    draw = CountingDraw(fail=True)
    renderer = PillowSpreadRenderer(draw=draw)
    for _ in range(2):
        with pytest.raises(RuntimeError):
            await renderer.render(request())
    assert len(draw.calls) == 2 and renderer.cached == 0


def test_the_key_names_the_draw_and_the_content_version() -> None:
    key = picture_key(request(reversed_first=True))
    assert key.startswith("picture:v")
    assert ":three:rider-waite:en:" in key and "past=major-13-death~r" in key
    assert key.endswith(f"@content:{content_version()}")
    assert picture_key(request()) != key
    reworded = attrs.evolve(request(reversed_first=True), title="Another title")
    assert picture_key(reworded) != key, "a request worded differently must not share a picture"
