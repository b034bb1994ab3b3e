"""How the analysis reads a question: shapes, choices, topics, time frames, and people's real typing."""

from __future__ import annotations

import pytest

from tarot_domain.model.question import Shape, analyse


@pytest.mark.parametrize(
    ("question", "language", "shape"),
    [
        ("Will he come back?", "en", Shape.CLOSED),
        ("Is it over?", "en", Shape.CLOSED),
        ("Does she love me", "en", Shape.CLOSED),
        ("Can I trust him?", "en", Shape.CLOSED),
        ("Do you think he loves me?", "en", Shape.CLOSED),
        ("Чи повернеться він?", "uk", Shape.CLOSED),
        ("Він повернеться?", "uk", Shape.CLOSED),
        ("я йому подобаюсь чи ні", "uk", Shape.CLOSED),
        ("Should I text him?", "en", Shape.SHOULD),
        ("Is it worth trying again?", "en", Shape.SHOULD),
        ("Do I need to move?", "en", Shape.SHOULD),
        ("Чи варто мені переїжджати?", "uk", Shape.SHOULD),
        ("Мені варто йому писати?", "uk", Shape.SHOULD),
        ("Чи треба мені звільнятися?", "uk", Shape.SHOULD),
        ("Чи слід мені погодитися?", "uk", Shape.SHOULD),
        ("Чи переїжджати до Львова?", "uk", Shape.SHOULD),
        ("Переїжджати?", "uk", Shape.SHOULD),
        ("Stay or leave?", "en", Shape.SHOULD),
        ("When will I meet someone?", "en", Shape.WHEN),
        ("How long until he calls?", "en", Shape.WHEN),
        ("Коли я знайду роботу?", "uk", Shape.WHEN),
        ("Скільки ще чекати?", "uk", Shape.WHEN),
        ("What does he feel?", "en", Shape.WHAT),
        ("Why is this happening?", "en", Shape.WHAT),
        ("Як мені бути?", "uk", Shape.WHAT),
        ("Про що мені говорить ця карта?", "uk", Shape.WHAT),
        ("my love life", "en", Shape.OPEN),
        ("робота", "uk", Shape.OPEN),
        ("", "en", Shape.OPEN),
    ],
)
def test_shapes(question: str, language: str, shape: Shape) -> None:
    assert analyse(question, language).shape is shape


@pytest.mark.parametrize(
    ("question", "language", "choice"),
    [
        ("Should I stay or leave?", "en", ("stay", "leave")),
        (
            "Should I take the job in Berlin or stay in Kyiv?",
            "en",
            ("take the job in Berlin", "stay in Kyiv"),
        ),
        ("Should I put my savings into gold or stocks?", "en", ("gold", "stocks")),
        ("Should I become a teacher or a programmer?", "en", ("a teacher", "a programmer")),
        ("Is it better to rent or to buy?", "en", ("to rent", "to buy")),
        ("Which is the better choice: the job in Warsaw or the one in Prague?", "en",
         ("the job in Warsaw", "the one in Prague")),
        ("Will I end up with Mark or Tom?", "en", ("Mark", "Tom")),
        ("Should I focus on my career or on my family right now?", "en", ("on my career", "on my family")),
        ("Цю роботу чи ту?", "uk", ("Цю роботу", "ту")),
        ("Чи варто мені залишитися з ним чи піти?", "uk", ("залишитися з ним", "піти")),
        ("Чи варто мені йти на цю роботу, чи краще почекати?", "uk", ("йти на цю роботу", "краще почекати")),
        ("Робота в Польщі чи в Україні?", "uk", ("в Польщі", "в Україні")),
        ("Куди вкласти заощадження: у золото чи в долари?", "uk", ("у золото", "в долари")),
        ("Я буду з Максимом чи з Андрієм?", "uk", ("з Максимом", "з Андрієм")),
    ],
)  # fmt: skip
def test_choices_are_the_two_options_verbatim(question: str, language: str, choice: tuple[str, str]) -> None:
    assert analyse(question, language).choice == choice


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is he coming back or not?", "en"),
        ("gonna get the job or nah", "en"),
        ("Will he call?", "en"),
        ("Він повернеться чи ні?", "uk"),
        ("Чи повернеться він?", "uk"),
        ("Не знаю, чи варто йому писати", "uk"),
        ("скажіть будь ласка чи буде в мене дитина", "uk"),
    ],
)
def test_or_not_and_the_question_particle_are_no_choice(question: str, language: str) -> None:
    assert analyse(question, language).choice is None


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Чи кохає вона мене?", "love"),
        ("Чи вийду я заміж?", "love"),
        ("Чи одружимося ми?", "love"),
        ("Чи не рак у мене?", "wellbeing"),
        ("Чи доброякісна пухлина?", "wellbeing"),
        ("Чи допоможуть ці ліки?", "wellbeing"),
        ("Чи пити ці таблетки?", "wellbeing"),
        ("Чи вкладати в криптовалюту?", "money"),
    ],
)
def test_the_stems_the_reading_guide_found_missing(question: str, topic: str) -> None:
    """READING-GUIDE #22: «коха», «заміж», «одруж», «рак», «пухлин», «ліки», «таблет», «криптовал»."""
    assert analyse(question, "uk").topics[:1] == (topic,)


@pytest.mark.parametrize(
    ("question", "language", "topic"),
    [
        ("Will my sister call?", "en", "home"),
        ("Will my boyfriend call?", "en", "love"),
        ("Will my boss call?", "en", "work"),
        ("Чи подзвонить сестра?", "uk", "home"),
        ("Чи подзвонить хлопець?", "uk", "love"),
        ("Чи подзвонить начальник?", "uk", "work"),
        ("How can I improve my relationship with my dad?", "en", "home"),
        ("Як налагодити стосунки з колегами?", "uk", "work"),
        ("Should I lend money to my brother?", "en", "money"),
    ],
)
def test_a_person_with_no_other_topic_gives_their_relations_topic(
    question: str, language: str, topic: str
) -> None:
    assert analyse(question, language).topics[:1] == (topic,)


def test_no_topic_when_none_is_clear() -> None:
    assert analyse("What do I need to know today?", "en").topics == ()
    assert analyse("", "uk").topics == ()


@pytest.mark.parametrize(
    ("question", "language", "frame"),
    [
        ("Will I find love this year?", "en", "year"),
        ("so i met this guy last week, is he into me?", "en", None),
        ("He hasn't replied in 3 days. What is he thinking?", "en", None),
        ("Will I ever get married?", "en", "future"),
        ("Will the interview on Friday go well?", "en", "week"),
        ("What month will I meet him?", "en", None),
        ("Що думає про мене хлопець, з яким я познайомилася на вихідних?", "uk", None),
        ("Чи поїхати до бабусі на вихідних?", "uk", "week"),
        ("Чи схудну я до літа?", "uk", "season"),
        ("Що мене чекає в найближчому майбутньому?", "uk", "soon"),
        ("Чи є у нас майбутнє?", "uk", None),
        ("Чи вийду я заміж в етом году", "uk", "year"),
    ],
)
def test_time_frames(question: str, language: str, frame: str | None) -> None:
    assert analyse(question, language).time_frame == frame


def test_how_people_type_changes_nothing_that_matters() -> None:
    careful = analyse("Чи варто мені відкрити кав'ярню?", "uk")
    for typed in (
        "чи варто мені відкрити кав’ярню",
        "ЧИ ВАРТО МЕНІ ВІДКРИТИ КАВʼЯРНЮ",
        "Чи   варто мені відкрити кав`ярню ?!",
    ):
        sloppy = analyse(typed, "uk")
        assert (sloppy.shape, sloppy.topics) == (careful.shape, careful.topics)
        assert [s.kind for s in sloppy.subjects] == ["thing"]
        assert sloppy.focus == careful.focus


def test_latin_look_alikes_and_the_wrong_keyboard_layout_are_read_as_meant() -> None:
    lookalike = analyse("Чи кохає мене мiй хлопець?", "uk")  # a Latin "i"
    assert [s.relation for s in lookalike.subjects] == ["boyfriend"]
    layout = analyse("xb gjdthytnmcz dsy", "uk")  # «чи повернеться він» typed on the English layout
    assert (layout.shape, layout.subjects[0].relation, layout.focus) == (
        Shape.CLOSED,
        "he",
        "чи повернеться він",
    )
    english = analyse("Will he come back?", "uk")  # English asked in Ukrainian: left as typed
    assert english.shape is Shape.CLOSED and english.subjects[0].relation == "he"


def test_mixed_languages_and_russian_influenced_words() -> None:
    mixed = analyse("Чи варто мені йти на цей interview?", "uk")
    assert mixed.topics[:1] == ("work",)
    surzhyk = analyse("када я вийду заміж", "uk")
    assert (surzhyk.shape, surzhyk.topics[:1], surzhyk.focus) == (
        Shape.WHEN,
        ("love",),
        "коли ви вийдете заміж",
    )
    ex = analyse("Чи вернеться мій бивший?", "uk")
    assert ex.subjects[0].relation == "ex" and ex.subjects[0].name is not None
    assert ex.subjects[0].name.nom == "ваш колишній"


def test_subjects_are_verbatim_and_name_places_and_things_in_the_askers_words() -> None:
    found = analyse("Should I accept the job offer in Lisbon?", "en")
    assert [(s.text, s.kind, s.name) for s in found.subjects] == [
        ("the job offer", "thing", None),
        ("Lisbon", "place", None),
    ]
    uk = analyse("Чи відкрити пекарню у Львові?", "uk")
    assert [(s.text, s.kind) for s in uk.subjects] == [("пекарню", "thing"), ("Львові", "place")]


def test_words_hold_the_questions_content_and_how_we_name_it_back() -> None:
    words = analyse("Чи пробачить мені моя сестра?", "uk").words
    assert {"пробачить", "сестра", "сестри", "сестрі"} <= words
    assert "мені" not in words and "чи" not in words
    assert analyse("Will my ex text me?", "en").words >= {"ex", "text"}


def test_an_unknown_language_is_read_with_english() -> None:
    found = analyse("Will he come back?", "de")
    assert (found.language, found.shape) == ("en", Shape.CLOSED)
