"""UserRepository: the same behaviour on every backend."""

from __future__ import annotations

import pytest
from attrs import evolve

from tarot_domain.model.errors import ErrorKind, TarotError

pytestmark = pytest.mark.contract


async def test_add_then_get_by_id_and_ref_round_trips_every_field(backend, make) -> None:
    user = make.user()
    async with backend.uow() as uow:
        await uow.users.add(user)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.users.get("u1") == user
        assert await uow.users.get_by_ref("telegram:1") == user
        assert await uow.users.get("nobody") is None
        assert await uow.users.get_by_ref("telegram:404") is None
        assert await uow.users.count() == 1


async def test_optional_fields_may_be_empty(backend, make) -> None:
    user = make.user(ref=None, display_name=None, tier_id=None, tier_until=None, active=False)
    async with backend.uow() as uow:
        await uow.users.add(user)
        await uow.users.add(make.user("u2", ref=None))  # many users may have no ref
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.users.get("u1") == user
        assert await uow.users.count() == 2


@pytest.mark.parametrize("clash", ["id", "external_ref"])
async def test_add_refuses_a_taken_id_or_ref_and_the_unit_of_work_goes_on(backend, make, clash) -> None:
    async with backend.uow() as uow:
        await uow.users.add(make.user())
        await uow.commit()
    twin = make.user("u2") if clash == "external_ref" else make.user(ref="telegram:2")
    async with backend.uow() as uow:
        with pytest.raises(TarotError) as caught:
            await uow.users.add(twin)
        assert caught.value.kind is ErrorKind.CONFLICT
        await uow.users.add(make.user("u3", ref="telegram:3"))
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.users.count() == 2
        assert (await uow.users.get("u1")) == make.user()


async def test_update_replaces_the_user_and_moves_the_ref(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.users.add(make.user())
        await uow.commit()
    changed = evolve(
        make.user(), external_ref="telegram:99", active=False, purchases_frozen=True, last_seen_at=make.now
    )
    async with backend.uow() as uow:
        await uow.users.update(changed)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.users.get("u1") == changed
        assert await uow.users.get_by_ref("telegram:99") == changed
        assert await uow.users.get_by_ref("telegram:1") is None
        # the released ref is free for someone else
        await uow.users.add(make.user("u2", ref="telegram:1"))
        await uow.commit()


async def test_forgetting_clears_the_ref(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.users.add(make.user())
        await uow.users.update(evolve(make.user(), external_ref=None, display_name=None, active=False))
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.users.get_by_ref("telegram:1") is None
        user = await uow.users.get("u1")
        assert user is not None and user.external_ref is None and not user.active


async def test_update_errors(backend, make) -> None:
    async with backend.uow() as uow:
        await uow.users.add(make.user())
        await uow.users.add(make.user("u2", ref="telegram:2"))
        await uow.commit()
    async with backend.uow() as uow:
        with pytest.raises(TarotError) as missing:
            await uow.users.update(make.user("ghost", ref="telegram:7"))
        assert missing.value.kind is ErrorKind.NOT_FOUND
        with pytest.raises(TarotError) as taken:
            await uow.users.update(make.user("u2", ref="telegram:1"))
        assert taken.value.kind is ErrorKind.CONFLICT
    async with backend.uow() as uow:
        assert (await uow.users.get("u2")) == make.user("u2", ref="telegram:2")


async def test_users_whose_tier_ends_soon_are_listed_soonest_first(backend, make) -> None:
    from datetime import timedelta

    soon, later = make.now + timedelta(days=2), make.now + timedelta(days=3)
    people = [
        make.user("u1", "telegram:1", tier_id="tier-basic", tier_until=later),
        make.user("u2", "telegram:2", tier_id="tier-basic", tier_until=soon),
        make.user("u3", "telegram:3", tier_id="tier-basic", tier_until=soon, reminders=False),
        make.user("u4", "telegram:4", tier_id="tier-basic", tier_until=soon, active=False),
        make.user("u5", "telegram:5", tier_id="tier-basic", tier_until=make.now + timedelta(days=9)),
        make.user("u6", "telegram:6", tier_id=None, tier_until=soon),  # no tier
    ]
    async with backend.uow() as uow:
        for person in people:
            await uow.users.add(person)
        await uow.commit()
    async with backend.uow() as uow:
        ending = await uow.users.list_tier_ending(make.now, make.now + timedelta(days=3, seconds=1))
        assert [u.id for u in ending] == ["u2", "u1"]
        assert [u.id for u in await uow.users.list_tier_ending(make.now, later)] == ["u2"]  # end excluded
        assert [u.id for u in await uow.users.list_tier_ending(make.now, later + timedelta(1), 1)] == ["u2"]
        assert (await uow.users.get("u3")).reminders is False  # type: ignore[union-attr]
