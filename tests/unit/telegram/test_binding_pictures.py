"""The spread picture through the real Telethon client: our PNG is uploaded (`upload.saveFilePart`) and
sent as `InputMediaUploadedPhoto`, before the reading's text; a reading's placeholder is taken back."""

from __future__ import annotations

import io

from binding_harness import FakeDialog, Harness
from dialog_support import Bot
from PIL import Image
from telethon.tl import functions, types

from adapters.pillow.renderer import PillowSpreadRenderer
from adapters.telegram.events import Button, Incoming, IncomingMessage, Outbox, Reply
from tarot_domain.content.registry import translate

SendMedia = functions.messages.SendMediaRequest
SendMessage = functions.messages.SendMessageRequest
EditMessage = functions.messages.EditMessageRequest
Delete = functions.messages.DeleteMessagesRequest


async def test_picture_bytes_are_uploaded_and_sent_as_an_uploaded_photo() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2000  # ~0.5 MB: several upload parts

    async def picture(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        buttons = ((Button("Read", token="r"),),)
        await out.send(event.chat_id, Reply("Three cards", image=png, buttons=buttons))

    h = Harness(FakeDialog(picture))
    await h.message("/x")
    (media,) = h.sender.of(SendMedia)
    assert bytes(media)  # serialises as MTProto would send it
    assert isinstance(media.media, types.InputMediaUploadedPhoto)
    uploaded = media.media.file
    assert isinstance(uploaded, types.InputFile) and uploaded.name == "spread.png"
    assert uploaded.parts > 1 and h.sender.uploaded(uploaded.id) == png
    assert media.message == "Three cards" and media.reply_markup is not None
    assert h.sender.of(SendMessage) == []


async def test_delete_takes_back_a_message_and_its_continuations() -> None:
    long = "\n\n".join(f"P{i} " + "word " * 700 for i in range(3))  # three messages' worth

    async def send_then_delete(event: Incoming, out: Outbox) -> None:
        assert isinstance(event, IncomingMessage)
        first = await out.send(event.chat_id, Reply(long))
        await out.delete(event.chat_id, first)

    h = Harness(FakeDialog(send_then_delete))
    await h.message("/x")
    sent = h.sender.of(SendMessage)
    (delete,) = h.sender.of(Delete)
    assert len(sent) == 3 and len(delete.id) == 3 and delete.revoke


async def test_a_reading_in_the_real_dialog_sends_the_picture_first() -> None:
    bot = Bot(renderer=PillowSpreadRenderer())
    h = Harness(bot.dialog)  # type: ignore[arg-type]
    await h.message("/start")
    await h.message("/daily")
    (media,) = h.sender.of(SendMedia)
    assert isinstance(media.media, types.InputMediaUploadedPhoto)
    with Image.open(io.BytesIO(h.sender.uploaded(media.media.file.id))) as picture:
        assert picture.format == "PNG" and picture.width >= 800
    # The placeholder sent before the draw is taken back; the card's text comes after the picture.
    order = [type(r) for r in h.sender.requests if isinstance(r, SendMedia | SendMessage | Delete)]
    assert order[-3:] == [SendMedia, SendMessage, Delete]
    (gone,) = h.sender.of(Delete)[0].id
    final = h.sender.of(EditMessage)[-1]
    assert final.id == gone + 2  # placeholder, picture, placeholder: the text lands below the picture
    assert final.message.startswith(translate("daily.header", "en"))
