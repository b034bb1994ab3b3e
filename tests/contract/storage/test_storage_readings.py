"""ReadingRepository: the same behaviour on every backend."""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve

from tarot_domain.model.errors import ErrorKind, TarotError

pytestmark = pytest.mark.contract


async def _add(backend, *readings) -> None:
    async with backend.uow() as uow:
        for r in readings:
            await uow.readings.add(r)
        await uow.commit()


async def test_add_get_and_get_by_key_round_trip_the_whole_reading(backend, make) -> None:
    reading = make.reading(fallback=True, interpretation=make.interpretation(model=None, cached=False))
    await _add(backend, reading)
    async with backend.uow() as uow:
        assert await uow.readings.get("r1") == reading
        assert await uow.readings.get_by_key("u1", "k1") == reading
        assert await uow.readings.get("r404") is None
        assert await uow.readings.get_by_key("u1", "k404") is None
        assert await uow.readings.get_by_key("u2", "k1") is None


async def test_a_minimal_reading(backend, make) -> None:
    reading = make.reading(answers=(), cost=0, hold_id=None)
    await _add(backend, reading)
    async with backend.uow() as uow:
        assert await uow.readings.get("r1") == reading


@pytest.mark.parametrize("clash", ["id", "key"])
async def test_add_refuses_a_taken_id_or_key_and_the_unit_of_work_goes_on(backend, make, clash) -> None:
    await _add(backend, make.reading())
    twin = make.reading("r2") if clash == "key" else make.reading(key="k2")
    async with backend.uow() as uow:
        with pytest.raises(TarotError) as caught:
            await uow.readings.add(twin)
        assert caught.value.kind is ErrorKind.CONFLICT
        await uow.readings.add(make.reading("r3", user_id="u2", key="k1"))  # same key, other user
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.readings.count_for_user("u1") == 1
        assert await uow.readings.count_for_user("u2") == 1


async def _four_readings(backend, make, *more) -> None:
    """r1..r4 of u1, a minute apart, r3 and r4 at the same moment (a tie: the higher id first)."""
    t = make.now
    await _add(
        backend,
        make.reading("r1", key="k1", at=t),
        make.reading("r2", key="k2", at=t + timedelta(minutes=1)),
        make.reading("r4", key="k4", at=t + timedelta(minutes=2)),
        make.reading("r3", key="k3", at=t + timedelta(minutes=2)),
        *more,
    )


async def test_list_for_user_is_newest_first_with_pagination(backend, make) -> None:
    other = make.reading("x1", user_id="u2", key="k1", at=make.now + timedelta(minutes=5))
    await _four_readings(backend, make, other)
    async with backend.uow() as uow:
        assert [r.id for r in await uow.readings.list_for_user("u1")] == ["r4", "r3", "r2", "r1"]
        assert [r.id for r in await uow.readings.list_for_user("u1", limit=2)] == ["r4", "r3"]
        assert [r.id for r in await uow.readings.list_for_user("u1", limit=2, offset=2)] == ["r2", "r1"]
        assert await uow.readings.list_for_user("u1", offset=4) == []
        assert await uow.readings.list_for_user("nobody") == []
        assert await uow.readings.count_for_user("u1") == 4
        assert await uow.readings.count_for_user("nobody") == 0


async def test_list_for_user_continues_after_a_cursor_even_as_new_readings_arrive(backend, make) -> None:
    t = make.now
    await _four_readings(backend, make)
    async with backend.uow() as uow:
        first = await uow.readings.list_for_user("u1", limit=1)
    await _add(backend, make.reading("r9", key="k9", at=t + timedelta(minutes=9)))  # newer than every page
    async with backend.uow() as uow:
        after_r4 = await uow.readings.list_for_user("u1", limit=2, before=(first[0].created_at, first[0].id))
        after_r2 = await uow.readings.list_for_user("u1", before=(t + timedelta(minutes=1), "r2"))
        tie = await uow.readings.list_for_user("u1", before=(t + timedelta(minutes=2), "r35"))
    assert [r.id for r in first] == ["r4"]
    assert [r.id for r in after_r4] == ["r3", "r2"]  # the tie on time is broken by id, as the order is
    assert [r.id for r in after_r2] == ["r1"]
    assert [r.id for r in tie] == ["r3", "r2", "r1"]


async def test_follow_ups_are_appended_in_order(backend, make) -> None:
    await _add(backend, make.reading())
    first = make.follow_up("Why?", hold_id="fu-1")
    second = make.follow_up("And love?", at=make.now + timedelta(minutes=1), cost=0)
    async with backend.uow() as uow:
        await uow.readings.add_follow_up("r1", first)
        await uow.commit()
    async with backend.uow() as uow:
        await uow.readings.add_follow_up("r1", second)
        with pytest.raises(TarotError) as caught:
            await uow.readings.add_follow_up("r404", first)
        assert caught.value.kind is ErrorKind.NOT_FOUND
        await uow.commit()
    expected = evolve(make.reading(), follow_ups=(first, second))
    async with backend.uow() as uow:
        assert await uow.readings.get("r1") == expected
        assert await uow.readings.get_by_key("u1", "k1") == expected
        assert await uow.readings.list_for_user("u1") == [expected]


async def test_a_reading_added_with_follow_ups_keeps_them(backend, make) -> None:
    reading = make.reading(follow_ups=(make.follow_up("a"), make.follow_up("b")))
    await _add(backend, reading)
    async with backend.uow() as uow:
        assert await uow.readings.get("r1") == reading


def _blank(reading):
    return evolve(
        reading,
        question="",
        answers=(),
        interpretation=evolve(reading.interpretation, text=""),
        follow_ups=tuple(
            evolve(f, question="", interpretation=evolve(f.interpretation, text=""))
            for f in reading.follow_ups
        ),
    )


async def test_erase_for_user_blanks_the_words_and_keeps_the_rows(backend, make) -> None:
    mine = make.reading("r1", key="k1")
    other_mine = make.reading("r2", key="k2", hold_id="hold:r2")
    theirs = make.reading("x1", user_id="u2")
    await _add(backend, mine, other_mine, theirs)
    async with backend.uow() as uow:
        await uow.readings.add_follow_up("r1", make.follow_up(hold_id="fu-1"))
        assert await uow.readings.erase_for_user("u1") == 2
        assert await uow.readings.erase_for_user("nobody") == 0
        await uow.commit()
    async with backend.uow() as uow:
        erased = await uow.readings.get("r1")
        assert erased == _blank(evolve(mine, follow_ups=(make.follow_up(hold_id="fu-1"),)))
        assert erased is not None and erased.cards == mine.cards and erased.cost == mine.cost
        assert await uow.readings.get("x1") == theirs
        assert await uow.readings.count_for_user("u1") == 2
        assert await uow.readings.hold_ids() == {"hold:r1", "hold:r2", "hold:x1", "fu-1"}


async def test_purge_blanks_old_readings_once(backend, make) -> None:
    old = make.reading("r1", key="k1", at=make.now - timedelta(days=40))
    old_with_follow_up = make.reading("r2", key="k2", at=make.now - timedelta(days=31))
    recent = make.reading("r3", key="k3", at=make.now - timedelta(days=1))
    await _add(backend, old, old_with_follow_up, recent)
    async with backend.uow() as uow:
        await uow.readings.add_follow_up("r2", make.follow_up())
        await uow.commit()
    cutoff = make.now - timedelta(days=30)
    async with backend.uow() as uow:
        assert await uow.readings.purge_older_than(cutoff) == 2
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.readings.purge_older_than(cutoff) == 0  # nothing left to blank
        assert await uow.readings.get("r1") == _blank(old)
        assert await uow.readings.get("r2") == _blank(
            evolve(old_with_follow_up, follow_ups=(make.follow_up(),))
        )
        assert await uow.readings.get("r3") == recent


async def test_hold_ids_cover_readings_and_follow_ups(backend, make) -> None:
    await _add(backend, make.reading("r1", key="k1"), make.reading("r2", key="k2", hold_id=None, cost=0))
    async with backend.uow() as uow:
        assert await uow.readings.hold_ids() == {"hold:r1"}
        await uow.readings.add_follow_up("r2", make.follow_up(hold_id="fu-9"))
        await uow.readings.add_follow_up("r2", make.follow_up(hold_id=None))
        assert await uow.readings.hold_ids() == {"hold:r1", "fu-9"}


async def test_purge_in_batches_blanks_the_oldest_first(backend, make) -> None:
    """Issue 21: each call blanks at most `limit` readings, oldest first; the use case loops over
    batches, one unit of work each, until a batch comes back short."""
    from adapters.memory.clock import ManualClock
    from tarot_domain.use_cases.retention import purge_old_readings

    old = [make.reading(f"r{i}", key=f"k{i}", at=make.now - timedelta(days=60 - i)) for i in range(5)]
    await _add(backend, *old, make.reading("fresh", key="kf", at=make.now))
    async with backend.uow() as uow:
        await uow.readings.add_follow_up("r4", make.follow_up())
        await uow.commit()
    cutoff = make.now - timedelta(days=30)
    async with backend.uow() as uow:
        assert await uow.readings.purge_older_than(cutoff, 2) == 2
        await uow.commit()
    async with backend.uow() as uow:
        blanked = [r.id for r in old if (await uow.readings.get(r.id)) == _blank(r)]
    assert blanked == ["r0", "r1"]
    purged = await purge_old_readings(backend.uow, ManualClock(make.now), 30, batch=2)
    assert (purged.readings, purged.batches) == (3, 2)
    async with backend.uow() as uow:
        assert await uow.readings.get("fresh") == make.reading("fresh", key="kf", at=make.now)
        assert (await uow.readings.get("r4")).follow_ups[0].question == ""
        assert await uow.readings.purge_older_than(cutoff, 2) == 0
