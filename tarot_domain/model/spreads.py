"""The spreads a user can order: how many cards, what each position asks, what it costs.

A spread's `id` and its positions' ids are stable forever: readings store them. Some spreads ask a
few questions before the draw (`questionnaire`) so the reading can speak to the user's situation;
each answer is at most `QUESTIONNAIRE_ANSWER_MAX` characters. Text is written by us, in every
language the service speaks.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import field, frozen

from tarot_domain.model import errors
from tarot_domain.model.localized import Localized

DEFAULT_SPREAD_ID = "three"
QUESTIONNAIRE_ANSWER_MAX = 300
"""The most characters one questionnaire answer may have."""


@frozen
class Position:
    """One place in a spread; `meaning` says what the card drawn for it speaks about."""

    id: str
    name: Localized = field(eq=False)
    meaning: Localized = field(eq=False)


@frozen
class QuestionnaireItem:
    """A question asked before the draw; `hint` is a short example answer."""

    id: str
    prompt: Localized = field(eq=False)
    hint: Localized = field(eq=False)


@frozen
class Spread:
    """A layout of cards. `cost` is in credits; `positions` are in the order the cards are laid."""

    id: str
    name: Localized = field(eq=False)
    description: Localized = field(eq=False)
    cost: int
    positions: tuple[Position, ...]
    questionnaire: tuple[QuestionnaireItem, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not self.positions:
            raise ValueError(f"spread {self.id!r} has no positions")
        if self.cost < 0:
            raise ValueError(f"spread {self.id!r} has a negative cost")
        if len({position.id for position in self.positions}) != len(self.positions):
            raise ValueError(f"position ids must be unique within spread {self.id!r}")
        if len({item.id for item in self.questionnaire}) != len(self.questionnaire):
            raise ValueError(f"questionnaire ids must be unique within spread {self.id!r}")

    @property
    def card_count(self) -> int:
        return len(self.positions)

    def position(self, position_id: str) -> Position:
        for position in self.positions:
            if position.id == position_id:
                return position
        raise KeyError(f"unknown position {position_id!r} in spread {self.id!r}")


def all_spreads() -> tuple[Spread, ...]:
    """Every spread, from the simplest to the deepest."""
    return _registry()[0]


def spread_ids() -> tuple[str, ...]:
    return tuple(spread.id for spread in all_spreads())


def get_spread(spread_id: str) -> Spread:
    try:
        return _registry()[1][spread_id]
    except KeyError:
        raise errors.validation(
            f"unknown spread {spread_id!r}", "error.unknown_spread", spread=spread_id
        ) from None


# --- building ------------------------------------------------------------------------------------------

_REGISTRY: list[tuple[tuple[Spread, ...], Mapping[str, Spread]]] = []


def _registry() -> tuple[tuple[Spread, ...], Mapping[str, Spread]]:
    """The spreads and an index by id, built on first use (nothing is built at import time)."""
    if not _REGISTRY:
        spreads = _build_spreads()
        by_id = {spread.id: spread for spread in spreads}
        if len(by_id) != len(spreads):
            raise ValueError("spread ids must be unique")
        _REGISTRY.append((spreads, MappingProxyType(by_id)))
    return _REGISTRY[0]


def _t(en: str, uk: str) -> Localized:
    return MappingProxyType({"en": en, "uk": uk})


def _pos(position_id: str, name: tuple[str, str], meaning: tuple[str, str]) -> Position:
    return Position(id=position_id, name=_t(*name), meaning=_t(*meaning))


def _ask(item_id: str, prompt: tuple[str, str], hint: tuple[str, str]) -> QuestionnaireItem:
    return QuestionnaireItem(id=item_id, prompt=_t(*prompt), hint=_t(*hint))


def _build_spreads() -> tuple[Spread, ...]:
    return (
        _single(),
        _yes_no(),
        _three(),
        _celtic_cross(),
        _relationship(),
        _career(),
        _week_ahead(),
        _month_ahead(),
        _year_ahead(),
        _life_path(),
    )


def _single() -> Spread:
    return Spread(
        id="single",
        name=_t("Single Card", "Одна карта"),
        description=_t(
            "One card for a quick look at the heart of your question.",
            "Одна карта, щоб швидко зазирнути в саму суть вашого питання.",
        ),
        cost=5,
        positions=(
            _pos(
                "card",
                ("The Heart of the Matter", "Суть справи"),
                (
                    "What matters most in your question right now.",
                    "Те, що найважливіше у вашому питанні саме зараз.",
                ),
            ),
        ),
    )


def _yes_no() -> Spread:
    return Spread(
        id="yes-no",
        name=_t("Yes or No", "Так чи ні"),
        description=_t(
            "One card for a question that can be answered yes or no. An upright card leans towards yes, "
            "a reversed card leans towards no, and the card itself shows what shapes the answer.",
            "Одна карта для питання, на яке можна відповісти «так» чи «ні». Пряма карта схиляється "
            "до «так», перевернута — до «ні», а сама карта показує, що впливає на відповідь.",
        ),
        cost=5,
        positions=(
            _pos(
                "answer",
                ("The Answer", "Відповідь"),
                (
                    "Upright leans yes, reversed leans no; the card explains why.",
                    "Пряма карта схиляється до «так», перевернута — до «ні»; сама карта пояснює чому.",
                ),
            ),
        ),
    )


def _three() -> Spread:
    return Spread(
        id="three",
        name=_t("Past, Present, Future", "Минуле, теперішнє, майбутнє"),
        description=_t(
            "Three cards that trace your question from where it began to where it is heading.",
            "Три карти, що простежують ваше питання від його початку до того, куди воно веде.",
        ),
        cost=12,
        positions=(
            _pos(
                "past",
                ("Past", "Минуле"),
                (
                    "What has led to this moment and still shapes it.",
                    "Те, що привело до цієї миті й досі на неї впливає.",
                ),
            ),
            _pos(
                "present",
                ("Present", "Теперішнє"),
                (
                    "Where you stand now and what is at work around you.",
                    "Де ви зараз і які сили діють навколо вас.",
                ),
            ),
            _pos(
                "future",
                ("Future", "Майбутнє"),
                (
                    "Where things are heading if the current course holds.",
                    "Куди все рухається, якщо нинішній курс збережеться.",
                ),
            ),
        ),
    )


def _celtic_cross() -> Spread:
    return Spread(
        id="celtic-cross",
        name=_t("Celtic Cross", "Кельтський хрест"),
        description=_t(
            "The classic ten-card spread: a full picture of your situation, what crosses it, what lies "
            "beneath and ahead, and where it is likely to lead.",
            "Класичний розклад на десять карт: повна картина вашої ситуації, того, що їй заважає, що "
            "лежить в її основі й попереду, і до чого вона, найімовірніше, приведе.",
        ),
        cost=15,
        positions=(
            _pos(
                "present",
                ("The Present", "Теперішнє"),
                (
                    "The heart of the situation as it stands today.",
                    "Серце ситуації такою, якою вона є сьогодні.",
                ),
            ),
            _pos(
                "challenge",
                ("The Challenge", "Перешкода"),
                (
                    "What crosses you: the obstacle or tension you must face.",
                    "Те, що стоїть на заваді: перешкода чи напруга, з якою вам доведеться впоратися.",
                ),
            ),
            _pos(
                "foundation",
                ("The Foundation", "Основа"),
                (
                    "The root of the matter, often hidden beneath the surface.",
                    "Корінь справи, що часто ховається під поверхнею.",
                ),
            ),
            _pos(
                "recent-past",
                ("The Recent Past", "Недавнє минуле"),
                (
                    "What is passing away and losing its hold on you.",
                    "Те, що відходить у минуле й поступово втрачає над вами владу.",
                ),
            ),
            _pos(
                "crown",
                ("The Crown", "Вінець"),
                (
                    "The best that can come of this, the outcome you can aim for.",
                    "Найкраще, що може з цього вийти, — результат, до якого варто прагнути.",
                ),
            ),
            _pos(
                "near-future",
                ("The Near Future", "Найближче майбутнє"),
                (
                    "What is coming into your life in the days and weeks ahead.",
                    "Те, що прийде у ваше життя найближчими днями й тижнями.",
                ),
            ),
            _pos(
                "self",
                ("Yourself", "Ви самі"),
                (
                    "Your attitude and the part you play in the situation.",
                    "Ваше ставлення і роль, яку ви відіграєте в цій ситуації.",
                ),
            ),
            _pos(
                "environment",
                ("Environment", "Оточення"),
                (
                    "The people and circumstances around you and how they bear on it.",
                    "Люди й обставини навколо вас і те, як вони впливають на ситуацію.",
                ),
            ),
            _pos(
                "hopes-fears",
                ("Hopes and Fears", "Надії та страхи"),
                (
                    "What you long for and what you dread, often two sides of one coin.",
                    "Те, на що ви сподіваєтеся, і те, чого боїтеся, — часто дві сторони однієї медалі.",
                ),
            ),
            _pos(
                "outcome",
                ("The Outcome", "Підсумок"),
                (
                    "Where all of this is most likely to lead.",
                    "До чого все це, найімовірніше, приведе.",
                ),
            ),
        ),
    )


def _relationship() -> Spread:
    return Spread(
        id="relationship",
        name=_t("Relationship", "Стосунки"),
        description=_t(
            "Five cards on you, the other person and what lies between you, including what tests the bond "
            "and where it is heading.",
            "П'ять карт про вас, іншу людину і те, що вас поєднує: що випробовує ваш зв'язок і куди "
            "він веде.",
        ),
        cost=12,
        positions=(
            _pos(
                "you",
                ("You", "Ви"),
                (
                    "What you bring to the relationship and how you feel in it.",
                    "Що ви вносите в ці стосунки і що в них відчуваєте.",
                ),
            ),
            _pos(
                "other",
                ("The Other Person", "Інша людина"),
                (
                    "What the other person brings and how they see the two of you.",
                    "Що вносить інша людина і як вона бачить вас обох.",
                ),
            ),
            _pos(
                "bond",
                ("The Bond", "Ваш зв'язок"),
                (
                    "The nature of the connection between you as it is now.",
                    "Природа зв'язку між вами такою, якою вона є зараз.",
                ),
            ),
            _pos(
                "challenge",
                ("The Challenge", "Випробування"),
                (
                    "What strains the relationship or asks to be worked through.",
                    "Що обтяжує стосунки або потребує спільних зусиль.",
                ),
            ),
            _pos(
                "direction",
                ("Where It Is Heading", "Куди це веде"),
                (
                    "Where the relationship is going if things continue as they are.",
                    "Куди рухаються ці стосунки, якщо все залишиться як є.",
                ),
            ),
        ),
        questionnaire=(
            _ask(
                "partner",
                ("Who is the other person to you?", "Ким для вас є ця людина?"),
                (
                    "e.g. my partner, a new crush, my ex",
                    "наприклад: мій партнер, нова симпатія, колишній",
                ),
            ),
            _ask(
                "stage",
                (
                    "How long have you known each other, and what stage is the relationship at?",
                    "Як давно ви знайомі і на якому етапі ваші стосунки?",
                ),
                (
                    "e.g. dating for three months; married ten years; just broke up",
                    "наприклад: зустрічаємося три місяці; у шлюбі десять років; щойно розійшлися",
                ),
            ),
        ),
    )


def _career() -> Spread:
    return Spread(
        id="career",
        name=_t("Career", "Кар'єра"),
        description=_t(
            "Four cards on your working life: where you stand, what helps and what blocks you, and the "
            "step to take next.",
            "Чотири карти про вашу роботу: де ви зараз, що вам допомагає, що заважає і який крок "
            "зробити далі.",
        ),
        cost=12,
        positions=(
            _pos(
                "standing",
                ("Where You Stand", "Де ви зараз"),
                (
                    "Your current position at work and how you feel about it.",
                    "Ваше нинішнє становище на роботі і те, що ви щодо нього відчуваєте.",
                ),
            ),
            _pos(
                "helps",
                ("What Helps", "Що допомагає"),
                (
                    "The strengths, people or chances you can lean on.",
                    "Сильні сторони, люди чи нагоди, на які можна спертися.",
                ),
            ),
            _pos(
                "blocks",
                ("What Blocks", "Що заважає"),
                (
                    "What holds your progress back, within you or around you.",
                    "Те, що стримує ваш розвиток, — у вас самих чи довкола.",
                ),
            ),
            _pos(
                "next-step",
                ("The Next Step", "Наступний крок"),
                (
                    "The move that will carry you forward from here.",
                    "Дія, яка поведе вас далі звідси.",
                ),
            ),
        ),
        questionnaire=(
            _ask(
                "role",
                ("What is your current role or field?", "Яка ваша нинішня посада або сфера діяльності?"),
                (
                    "e.g. junior designer at an agency; nurse; between jobs",
                    "наприклад: молодший дизайнер в агенції; медсестра; шукаю роботу",
                ),
            ),
            _ask(
                "change",
                ("What would you like to change in your work?", "Що ви хотіли б змінити у своїй роботі?"),
                (
                    "e.g. earn more; switch to a new field; start my own business",
                    "наприклад: більше заробляти; змінити сферу; почати власну справу",
                ),
            ),
        ),
    )


def _week_ahead() -> Spread:
    return Spread(
        id="week-ahead",
        name=_t("The Week Ahead", "Тиждень наперед"),
        description=_t(
            "Seven cards, one for each day from Monday to Sunday, to show the rhythm of your coming week.",
            "Сім карт, по одній на кожен день від понеділка до неділі, щоб показати ритм вашого "
            "наступного тижня.",
        ),
        cost=20,
        positions=(
            _pos(
                "monday",
                ("Monday", "Понеділок"),
                (
                    "How the week begins and the tone Monday sets for it.",
                    "Як почнеться тиждень і який настрій задасть йому понеділок.",
                ),
            ),
            _pos(
                "tuesday",
                ("Tuesday", "Вівторок"),
                (
                    "Where Tuesday asks you to put your energy.",
                    "Куди вівторок закликає вас спрямувати свою енергію.",
                ),
            ),
            _pos(
                "wednesday",
                ("Wednesday", "Середа"),
                (
                    "What the middle of the week brings to light.",
                    "Що виявить середина тижня.",
                ),
            ),
            _pos(
                "thursday",
                ("Thursday", "Четвер"),
                (
                    "The chance or challenge Thursday holds.",
                    "Нагода чи виклик, які приготував четвер.",
                ),
            ),
            _pos(
                "friday",
                ("Friday", "П'ятниця"),
                (
                    "How the working week draws to a close.",
                    "Як завершиться робочий тиждень.",
                ),
            ),
            _pos(
                "saturday",
                ("Saturday", "Субота"),
                (
                    "What Saturday offers for pleasure, people and rest.",
                    "Що субота пропонує для радості, спілкування й відпочинку.",
                ),
            ),
            _pos(
                "sunday",
                ("Sunday", "Неділя"),
                (
                    "What to reflect on and carry into the week after.",
                    "Над чим поміркувати і що взяти з собою в наступний тиждень.",
                ),
            ),
        ),
        questionnaire=(
            _ask(
                "focus",
                ("What is your main focus this week?", "На чому ви найбільше зосереджені цього тижня?"),
                (
                    "e.g. an exam on Thursday; finishing a project; resting",
                    "наприклад: іспит у четвер; завершення проєкту; відпочинок",
                ),
            ),
            _ask(
                "concern",
                (
                    "Is anything on your mind about the days ahead?",
                    "Чи щось непокоїть вас щодо найближчих днів?",
                ),
                (
                    "e.g. a difficult conversation; a trip; nothing in particular",
                    "наприклад: важка розмова; поїздка; нічого особливого",
                ),
            ),
        ),
    )


_WEEK_ORDINALS: tuple[tuple[str, str], ...] = (
    ("first", "перший"),
    ("second", "другий"),
    ("third", "третій"),
    ("fourth", "четвертий"),
)


def _month_weeks() -> tuple[Position, ...]:
    positions: list[Position] = []
    for number, (en, uk) in enumerate(_WEEK_ORDINALS, start=1):
        positions.append(
            _pos(
                f"week-{number}-opportunity",
                (f"Week {number}: Opportunity", f"Тиждень {number}: можливість"),
                (
                    f"The opening the {en} week offers you.",
                    f"Можливість, яку відкриває вам {uk} тиждень.",
                ),
            )
        )
        positions.append(
            _pos(
                f"week-{number}-challenge",
                (f"Week {number}: Challenge", f"Тиждень {number}: виклик"),
                (
                    f"What the {en} week asks you to face or overcome.",
                    f"Те, з чим вам доведеться зіткнутися чи що подолати в {uk} тиждень.",
                ),
            )
        )
    return tuple(positions)


def _month_ahead() -> Spread:
    return Spread(
        id="month-ahead",
        name=_t("The Month Ahead", "Місяць наперед"),
        description=_t(
            "Twelve cards for the coming month: its theme, an opportunity and a challenge for each of its "
            "four weeks, then advice, a hidden influence and the outcome.",
            "Дванадцять карт на наступний місяць: його головна тема, можливість і виклик для кожного з "
            "чотирьох тижнів, а також порада, прихований вплив і підсумок.",
        ),
        cost=100,
        positions=(
            _pos(
                "theme",
                ("Theme of the Month", "Тема місяця"),
                (
                    "The thread that runs through the whole month.",
                    "Головна нитка, що проходить крізь увесь місяць.",
                ),
            ),
            *_month_weeks(),
            _pos(
                "advice",
                ("Advice", "Порада"),
                (
                    "How best to meet the month and make the most of it.",
                    "Як найкраще зустріти цей місяць і взяти від нього максимум.",
                ),
            ),
            _pos(
                "hidden",
                ("Hidden Influence", "Прихований вплив"),
                (
                    "A force at work behind the scenes that you may not notice.",
                    "Сила, що діє за лаштунками і якої ви можете не помічати.",
                ),
            ),
            _pos(
                "outcome",
                ("Outcome", "Підсумок"),
                (
                    "Where the month is likely to leave you by its end.",
                    "Де, найімовірніше, ви опинитеся наприкінці місяця.",
                ),
            ),
        ),
        questionnaire=(
            _ask(
                "hopes",
                (
                    "What do you most hope this month will bring?",
                    "Чого ви найбільше чекаєте від цього місяця?",
                ),
                (
                    "e.g. a new job; more calm; progress on a project",
                    "наприклад: нової роботи; більше спокою; зрушень у проєкті",
                ),
            ),
            _ask(
                "situation",
                (
                    "What is happening in your life as the month begins?",
                    "Що відбувається у вашому житті на початку місяця?",
                ),
                (
                    "e.g. moving house; a new relationship; a busy season at work",
                    "наприклад: переїзд; нові стосунки; гарячий сезон на роботі",
                ),
            ),
        ),
    )


_MONTHS: tuple[tuple[str, str, str], ...] = (
    ("january", "January", "Січень"),
    ("february", "February", "Лютий"),
    ("march", "March", "Березень"),
    ("april", "April", "Квітень"),
    ("may", "May", "Травень"),
    ("june", "June", "Червень"),
    ("july", "July", "Липень"),
    ("august", "August", "Серпень"),
    ("september", "September", "Вересень"),
    ("october", "October", "Жовтень"),
    ("november", "November", "Листопад"),
    ("december", "December", "Грудень"),
)


def _year_ahead() -> Spread:
    months = tuple(
        _pos(
            month_id,
            (en, uk),
            (
                f"What {en} holds for you: its main events, mood and lesson.",
                f"Що готує вам {uk.lower()}: головні події, настрій і урок.",
            ),
        )
        for month_id, en, uk in _MONTHS
    )
    return Spread(
        id="year-ahead",
        name=_t("The Year Ahead", "Рік наперед"),
        description=_t(
            "Thirteen cards: one for the theme of the year, then one for each month from January to "
            "December.",
            "Тринадцять карт: одна на головну тему року і по одній на кожен місяць від січня до грудня.",
        ),
        cost=500,
        positions=(
            _pos(
                "theme",
                ("Theme of the Year", "Тема року"),
                (
                    "The story the whole year is telling and the lesson at its centre.",
                    "Історія, яку розповідає весь рік, і урок, що лежить у її центрі.",
                ),
            ),
            *months,
        ),
        questionnaire=(
            _ask(
                "intention",
                ("What is your intention for the coming year?", "Який ваш головний намір на наступний рік?"),
                (
                    "e.g. find love; change careers; take better care of myself",
                    "наприклад: знайти кохання; змінити професію; більше дбати про себе",
                ),
            ),
            _ask(
                "area",
                (
                    "Which area of life do you most want guidance in?",
                    "У якій сфері життя вам найбільше потрібна порада?",
                ),
                (
                    "e.g. love, work, health, home, money",
                    "наприклад: кохання, робота, здоров'я, дім, гроші",
                ),
            ),
        ),
    )


def _life_path() -> Spread:
    return Spread(
        id="life-path",
        name=_t("Life Path", "Життєвий шлях"),
        description=_t(
            "Our deepest spread: fifteen cards on where you come from, what you carry, what life is teaching "
            "you and the path your soul is walking.",
            "Наш найглибший розклад: п'ятнадцять карт про ваше коріння, про те, що ви несете в собі, чого "
            "вас навчає життя і яким шляхом іде ваша душа.",
        ),
        cost=1000,
        positions=(
            _pos(
                "roots",
                ("Roots", "Коріння"),
                (
                    "The family, places and early years that shaped who you are.",
                    "Родина, місця й ранні роки, що сформували вас.",
                ),
            ),
            _pos(
                "gifts",
                ("Gifts", "Дари"),
                (
                    "The talents you were born with and may not yet fully use.",
                    "Таланти, з якими ви народилися і які, можливо, ще не повністю розкрили.",
                ),
            ),
            _pos(
                "wounds",
                ("Wounds", "Рани"),
                (
                    "Old hurts that still ask to be understood and healed.",
                    "Давні болі, які досі просять, щоб їх зрозуміли й загоїли.",
                ),
            ),
            _pos(
                "lessons",
                ("Lessons", "Уроки"),
                (
                    "What life keeps teaching you until you learn it.",
                    "Те, чого життя навчатиме вас знову і знову, доки ви цього не засвоїте.",
                ),
            ),
            _pos(
                "shadow",
                ("Shadow", "Тінь"),
                (
                    "The part of yourself you would rather not see, and what it guards.",
                    "Та частина вас, яку ви воліли б не бачити, і те, що вона оберігає.",
                ),
            ),
            _pos(
                "strength",
                ("Inner Strength", "Внутрішня сила"),
                (
                    "What carries you through hard times.",
                    "Те, що проводить вас крізь важкі часи.",
                ),
            ),
            _pos(
                "desire",
                ("Heart's Desire", "Бажання серця"),
                (
                    "What you truly long for beneath everyday wants.",
                    "Те, чого ви насправді прагнете під шаром буденних бажань.",
                ),
            ),
            _pos(
                "fear",
                ("Deepest Fear", "Найглибший страх"),
                (
                    "The fear that quietly holds you back.",
                    "Страх, який непомітно вас стримує.",
                ),
            ),
            _pos(
                "relationships",
                ("Relationships", "Стосунки"),
                (
                    "How you love and connect, and what others mirror back to you.",
                    "Як ви любите й будуєте зв'язки і що інші люди віддзеркалюють вам.",
                ),
            ),
            _pos(
                "calling",
                ("Calling", "Покликання"),
                (
                    "The work through which you give your best to the world.",
                    "Справа, через яку ви віддаєте світові найкраще, що маєте.",
                ),
            ),
            _pos(
                "purpose",
                ("Purpose", "Призначення"),
                (
                    "Why you are here and what your life is in service of.",
                    "Навіщо ви тут і чому служить ваше життя.",
                ),
            ),
            _pos(
                "turning-point",
                ("Turning Point", "Поворотний момент"),
                (
                    "The change that is ready to happen in your life now.",
                    "Зміна, яка вже готова статися у вашому житті.",
                ),
            ),
            _pos(
                "guidance",
                ("Guidance", "Настанова"),
                (
                    "The counsel of your wisest self for the road ahead.",
                    "Порада вашої наймудрішої частини на дорогу попереду.",
                ),
            ),
            _pos(
                "souls-path",
                ("Soul's Path", "Шлях душі"),
                (
                    "The road your soul is walking across the whole of your life.",
                    "Дорога, якою ваша душа йде крізь усе ваше життя.",
                ),
            ),
            _pos(
                "destination",
                ("Destination", "Мета шляху"),
                (
                    "Where this path leads if you follow it with an open heart.",
                    "Куди веде цей шлях, якщо йти ним із відкритим серцем.",
                ),
            ),
        ),
        questionnaire=(
            _ask(
                "stage",
                ("Where are you in life right now?", "На якому етапі життя ви зараз?"),
                (
                    "e.g. just finished university; mid-career and restless; recently retired",
                    "наприклад: щойно закінчив університет; у розпалі кар'єри, але неспокійно; "
                    "нещодавно на пенсії",
                ),
            ),
            _ask(
                "turning-points",
                (
                    "Which moments or events have shaped you most?",
                    "Які події чи моменти найбільше вас сформували?",
                ),
                (
                    "e.g. moving abroad; a loss; becoming a parent",
                    "наприклад: переїзд за кордон; втрата; народження дитини",
                ),
            ),
            _ask(
                "seeking",
                ("What are you seeking from this reading?", "Що ви шукаєте в цьому розкладі?"),
                (
                    "e.g. a sense of direction; peace with my past; clarity about a choice",
                    "наприклад: відчуття напрямку; примирення з минулим; ясність щодо вибору",
                ),
            ),
        ),
    )
