"""The focus: the asked matter restated from our side, for the reading's opening sentence. Each expected
string was read as it would stand in "You're asking {focus}." / «Ви запитуєте, {focus}.» (open themes:
«Ви запитуєте {focus}.»): grammatical and natural, the asker's "I, my" turned to our "you, your"."""

from __future__ import annotations

import pytest

from tarot_domain.model.question import analyse

ENGLISH = [
    ("Should I change jobs this year?", "whether to change jobs this year"),
    ("Will he come back?", "whether he will come back"),
    ("Does he still love me?", "whether he still loves you"),
    ("Will my ex text me this week?", "whether your ex will text you this week"),
    ("When will I meet my soulmate?", "when you will meet your soulmate"),
    ("What does she think of me?", "what she thinks of you"),
    ("Why did he leave me?", "why he left you"),
    ("Why did my best friend stop talking to me", "why your best friend stopped talking to you"),
    ("Will Sarah and I be together?", "whether you and Sarah will be together"),
    ("Will my sister and I make up?", "whether you and your sister will make up"),
    ("How do I get over my ex", "how to get over your ex"),
    ("Is it worth fighting for this relationship?", "whether it is worth fighting for this relationship"),
    ("Is now a good time to invest?", "whether now is a good time to invest"),
    ("Is freelancing the right move for me?", "whether freelancing is the right move for you"),
    ("Do I need to change my career?", "whether you need to change your career"),
    ("Am I on the right path?", "whether you are on the right path"),
    (
        "Is the guy I met on Tinder serious about me?",
        "whether the guy you met on Tinder is serious about you",
    ),
    ("Are my boyfriend's feelings real?", "whether your boyfriend's feelings are real"),
    ("What is my life purpose?", "what your life purpose is"),
    (
        "What's the energy between me and my crush right now?",
        "what the energy is between you and your crush right now",
    ),
    ("What lesson is this breakup teaching me?", "what lesson this breakup is teaching you"),
    ("What kind of work would make me happy?", "what kind of work would make you happy"),
    ("When will my career finally take off?", "when your career will finally take off"),
    ("How long until I find love?", "how long until you find love"),
    ("What will next year bring?", "what next year will bring"),
    ("I wonder whether I should call my mom", "whether to call your mom"),
    ("pls tell me if he likes me", "whether he likes you"),
    ("can u tell me if i'll pass my exam", "whether you'll pass your exam"),
    ("Should I stay with my husband or leave?", "whether to stay with your husband or leave"),
    ("Stay at my job or go freelance?", "whether to stay at your job or go freelance"),
    ("Lviv or Kyiv?", "whether to choose Lviv or Kyiv"),
    (
        "Job offer A or job offer B, which is better for me?",
        "which is better for you, job offer A or job offer B",
    ),
    ("WILL I GET THE JOB", "whether you will get the job"),
    ("my love life", "about your love life"),
    ("Need advice on my love life", "about your love life"),
    ("Work in the coming weeks", "about your work in the coming weeks"),
    ("Me and my boyfriend keep fighting. Why?", "about your love life"),
]

UKRAINIAN = [
    ("Чи варто мені змінювати роботу цього року?", "чи варто вам змінювати роботу цього року"),
    ("Чи повернеться він?", "чи повернеться він"),
    ("Він повернеться?", "чи він повернеться"),
    ("Чи кохає мене мій чоловік?", "чи кохає вас ваш чоловік"),
    ("Що він до мене відчуває?", "що він до вас відчуває"),
    ("Коли я зустріну свою половинку?", "коли ви зустрінете свою половинку"),
    ("Чи вийду я заміж цього року?", "чи вийдете ви заміж цього року"),
    ("Чи будемо ми разом?", "чи будете ви разом"),
    ("Чи помиримося ми з хлопцем?", "чи помиритеся ви з хлопцем"),
    ("Чи знайду я роботу за кордоном?", "чи знайдете ви роботу за кордоном"),
    ("Чи отримаю я цю роботу?", "чи отримаєте ви цю роботу"),
    ("Чи вступлю я до університету?", "чи вступите ви до університету"),
    ("Чи здам я сесію без хвостів?", "чи здасте ви сесію без хвостів"),
    (
        "Чи відновлюся я після вигорання найближчим часом?",
        "чи відновитеся ви після вигорання найближчим часом",
    ),
    ("чи подобаюсь я йому", "чи подобаєтеся ви йому"),
    ("Чи правильно я зробила, що пішла від чоловіка?", "чи правильно ви зробили, що пішли від чоловіка"),
    ("Чому я застрягла в кар'єрі?", "чому ви застрягли в кар'єрі"),
    ("Чи буду я щасливою?", "чи будете ви щасливими"),
    ("Чи вагітна я?", "чи вагітні ви"),
    ("Коли я стану фінансово незалежною?", "коли ви станете фінансово незалежними"),
    ("Чи помириться зі мною моя дівчина?", "чи помириться з вами ваша дівчина"),
    ("Чому в мене не складаються стосунки?", "чому у вас не складаються стосунки"),
    ("Яке майбутнє в наших стосунків?", "яке майбутнє у ваших стосунків"),
    ("Він мене кохає чи просто використовує?", "чи він вас кохає, чи просто використовує"),
    ("Як мені забути колишнього?", "як вам забути колишнього"),
    ("Мені краще переїхати чи залишитися?", "чи вам краще переїхати, чи залишитися"),
    ("Залишитися чи піти?", "чи варто вам залишитися, чи піти"),
    ("Зосередитися на кар'єрі чи на сім'ї?", "чи варто вам зосередитися на кар'єрі, чи на сім'ї"),
    ("Львів чи Київ?", "що обрати — Львів чи Київ"),
    ("робота чи кохання - що зараз важливіше?", "що зараз важливіше — робота чи кохання"),
    ("Що краще: орендувати чи купувати?", "що краще — орендувати чи купувати"),
    ("шо мені робити з хлопцем", "що вам робити з хлопцем"),
    ("чи стоїть мені міняти роботу", "чи варто вам міняти роботу"),
    ("xb gjdthytnmcz dsy", "чи повернеться він"),
    ("Чи пoвернеться дo мене кoлишній?", "чи повернеться до вас колишній"),
    ("моя робота на цей місяць", "про вашу роботу на цей місяць"),
    ("Кохання цього літа", "про кохання цього літа"),
    ("Сім'я на цей місяць", "про сім'ю на цей місяць"),
    ("Розкажіть про моє майбутнє", "про ваше майбутнє"),
    ("Ми з хлопцем постійно сваримося. Чому?", "про ваше особисте життя"),
    ("Чи знайду роботу цього року?", "чи знайдете роботу цього року"),
    ("Чи буду щаслива?", "чи будете щасливі"),
    ("Чи правду він каже?", "чи правду він каже"),
]


@pytest.mark.parametrize(("question", "focus"), ENGLISH)
def test_english_focus(question: str, focus: str) -> None:
    assert analyse(question, "en").focus == focus


@pytest.mark.parametrize(("question", "focus"), UKRAINIAN)
def test_ukrainian_focus(question: str, focus: str) -> None:
    assert analyse(question, "uk").focus == focus


@pytest.mark.parametrize(
    ("question", "language", "focus"),
    [
        ("", "en", "about what is on your mind"),
        ("   ", "uk", "про те, що вас хвилює"),
        ("🙏🙏🙏", "en", "about what is on your mind"),
        ("gonna get the job or nah", "en", "about your work"),
        ("Will he come back?", "uk", "про ваше особисте життя"),
        ("Чи повернеться він?", "en", "about your love life"),
    ],
)
def test_what_cannot_be_restated_falls_back_to_the_topic(question: str, language: str, focus: str) -> None:
    """No clause to restate, or a question in the other language's script: the topic, never broken text."""
    assert analyse(question, language).focus == focus
