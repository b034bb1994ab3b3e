"""How English questions are read: shapes, time frames, topic cues, people and the grammar of the focus.

Pattern syntax: `tarot_domain.content.lexicon`. Data only; the analysis is `tarot_domain.model.question`.
"""

from __future__ import annotations

from types import MappingProxyType

from tarot_domain.content.en.question.people import MODIFIERS, NAMES, PEOPLE
from tarot_domain.content.en.question.words import ADJECTIVES, CUES, GRAMMAR, STOPWORDS, VERBS
from tarot_domain.content.lexicon import Agreeing, QuestionLexicon

MARKERS = MappingProxyType(
    {
        "should": (
            "should|shoud|shud|sould|shld", "shall", "ought", "must i|we", "is|was it worth",
            "is it really worth", "is it a good|bad|smart idea",
            "is it wise|smart|better|best|right|ok|okay|time", "is it the right|best|perfect time|moment",
            "is it a good|right|bad time|moment", "is it a mistake",
            "would it be better|wise|smart|right|worth", "would it be a good|bad idea",
            "would it be a mistake", "is now|this|today a good|right|bad|great time|moment",
            "is now|this|today the right|best|perfect time|moment", "is now|this the time", "do|should i|we need to", "do|should i|we have to", "am i right to",
            "is ? the right|best|smartest move|choice|decision|thing|option",
            "is ? ? the right|best move|choice|decision|option",
        ),
        "when": (
            "when|whens|when's|wen", "how long|soon", "what|which month|year|day|week|age|time",
            "by|until|till when", "at what age|point",
        ),
        "what": (
            "what|whats|what's|wat|wut", "how|hows|how's", "why|whys|why's|y", "where|wheres|where's",
            "who|whos|who's|whom|whose", "which", "in what way",
        ),
        "closed": (
            "will|wil|would|wont|won't|wouldnt|wouldn't", "is|isnt|isn't|are|arent|aren't|am|was|were",
            "do|does|doesnt|doesn't|dont|don't|did|didnt|didn't", "can|cant|can't|could|couldnt|couldn't",
            "has|have|hasnt|hasn't|havent|haven't|had", "may|might", "gonna", "r u|we|they",
        ),
    }
)  # fmt: skip

LEAD_INS: tuple[str, ...] = (
    "please|pls|plz|pleas", "tell me", "please tell me", "can|could|would you please tell me",
    "can|could|would you|u tell me", "can|could you please tell me", "i want|wanna|need to know",
    "i would|i'd like to know", "i wonder|wondering", "i'm|im wondering", "i am|was wondering",
    "do you think", "do you see", "do the cards think", "so|ok|okay|and|but|also|just|well|hi|hello|hey",
    "yes or no", "question", "my question is", "dear cards|tarot", "cards|tarot", "honestly", "basically",
    "ok so", "so yeah", "um|uh|hmm", "tell me about", "need advice on", "advice on|for|about",
    "guidance on|for|about", "general reading for|on", "a reading for|on|about", "reading for|on|about",
    "thoughts on", "what about",
)  # fmt: skip
"""Openings skipped before a marker. The last few ("tell me about", "advice on") leave a theme: an open
question, whose focus is "about" what follows."""

TIME_FRAMES = MappingProxyType(
    {
        "today|tonight|todays|today's|2day": "today", "this evening|morning|afternoon": "today",
        "tomorrow|tomorrows|tomorrow's|tmrw|tomorow|tommorow": "tomorrow",
        "now": "now", "right now": "now", "at the|this moment": "now", "currently": "now",
        "these days": "now", "at this point|stage": "now", "at present": "now",
        "week|weekend|weekly": "week", "this|next|the|coming week|weekend": "week",
        "next few days": "week", "the coming days": "week", "coming days": "week",
        "in a few days": "week", "in # days": "week", "within days": "week",
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday": "week",
        "month|monthly": "month", "this|next|the|coming month": "month", "the next month": "month",
        "the|next|coming few weeks": "month", "the coming weeks": "month", "in a few weeks": "month",
        "in # weeks": "month", "next # weeks": "month", "the next # weeks": "month",
        "within a month": "month", "by the end of the month": "month",
        "summer|winter|spring|autumn|semester": "season", "this|next|by|the|in the fall": "season",
        "christmas|xmas|easter|holidays": "season", "new year's": "season",
        "next # months": "season", "the next # months": "season", "in # months": "season",
        "# months": "season", "a few months": "season", "couple of months": "season",
        "couple months": "season", "half a year": "season",
        "january|february|april|june|july|august|september|october|november|december": "season",
        "in|by|this|next|until|before may|march": "season",
        "year|%": "year", "this|next|the|coming year": "year", "the new year": "year",
        "the year ahead": "year", "the coming year": "year", "within a year": "year", "in a year": "year",
        "by the end of the year": "year",
        "soon|shortly|soonish": "soon", "any time|anytime soon": "soon", "near future": "soon",
        "the near future": "soon", "in the near future": "soon", "before long": "soon",
        "ever|someday|eventually": "future", "one|some day": "future", "in the future": "future",
        "the|my future $": "future", "in the long run": "future", "long term": "future",
        "in # years": "future", "next # years": "future", "in the next # years": "future",
        "the next # years": "future", "in a few years": "future", "in the coming years": "future",
        "the coming years": "future", "years to come": "future", "in this life": "future",
        "last week|month|year|night|weekend|summer|winter|spring|time": "", "yesterday|ago": "",
        "lately|recently|earlier": "", "gap year": "", "the past": "", "what|which month|year|day": "",
        "at what age": "", "all the time": "", "my first day": "", "how soon|long": "",
    }
)  # fmt: skip

PAST_SENSITIVE: tuple[str, ...] = (
    "today|tonight|todays|today's|2day",
    "week|weekend|weekly",
    "this|next|the|coming week|weekend",
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "in # days",
    "in a few days",
    "this evening|morning|afternoon",
)

OWNERS = MappingProxyType(
    {
        "my": "your", "our": "your", "mine": "your", "his": "his", "her": "her", "their": "their",
        "this": "this", "that": "that", "these": "this", "those": "that", "the": "the",
        "a": "", "an": "", "another": "", "any": "", "some": "", "every": "",
    }
)  # fmt: skip
"""An empty determiner marks a person as no one in particular ("a partner"), except someone met ("a guy")."""

DETERMINERS = MappingProxyType(
    {
        "your": Agreeing(m=("your",)), "his": Agreeing(m=("his",)), "her": Agreeing(m=("her",)),
        "their": Agreeing(m=("their",)), "this": Agreeing(m=("this",)), "that": Agreeing(m=("that",)),
        "the": Agreeing(m=("the",)),
    }
)  # fmt: skip

NUMBERS: tuple[str, ...] = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "few", "couple", "several", "some", "next",
)  # fmt: skip

PLACES: tuple[str, ...] = (
    "lisbon|porto|berlin|munich|hamburg|warsaw|krakow|cracow|wroclaw|gdansk|prague|vienna|paris",
    "london|rome|milan|madrid|barcelona|valencia|amsterdam|dublin|brussels|zurich|geneva|oslo",
    "stockholm|copenhagen|helsinki|tallinn|riga|vilnius|budapest|bucharest|sofia|athens|istanbul",
    "toronto|vancouver|montreal|chicago|boston|miami|dubai|tokyo|sydney|melbourne",
    "new york|los angeles|san francisco",
    "kyiv|kiev|lviv|odesa|odessa|kharkiv|dnipro|zaporizhzhia|vinnytsia|poltava|chernihiv|mariupol",
    "ukraine|poland|canada|italy|germany|spain|portugal|france|england|britain|scotland|ireland",
    "usa|america|australia|europe|czechia|israel|turkey|japan|china|india|mexico|brazil|austria",
    "switzerland|netherlands|holland|belgium|sweden|norway|denmark|finland|estonia|latvia|lithuania",
    "hungary|romania|moldova|georgia|greece|cyprus|croatia|slovakia|slovenia|bulgaria|uk",
    "the us|uk|usa|states",
)  # fmt: skip

THINGS: tuple[str, ...] = (
    "job", "offer", "business", "bakery", "shop", "store", "café", "cafe", "restaurant", "house",
    "flat", "apartment", "home", "car", "project", "contract", "startup", "company", "book", "thesis",
    "exam", "exams", "interview", "scholarship", "course", "program", "programme", "application",
    "surgery", "operation", "treatment", "medication", "visa", "trip", "card", "hustle", "position",
    "school", "university", "test", "investment", "deal", "ielts", "toefl", "wedding", "flight", "salon",
    "studio", "degree", "loan", "mortgage", "jobb", "results",
)  # fmt: skip

LEXICON = QuestionLexicon(
    markers=MARKERS,
    lead_ins=LEAD_INS,
    time_frames=TIME_FRAMES,
    cues=CUES,
    people=PEOPLE,
    owners=OWNERS,
    determiners=DETERMINERS,
    topic_focus=MappingProxyType(
        {
            "love": "about your love life",
            "work": "about your work",
            "money": "about your finances",
            "wellbeing": "about your wellbeing",
            "home": "about your home and family",
            "study": "about your studies",
            "spirit": "about your spiritual path",
            "": "about what is on your mind",
        }
    ),
    embedders=("if", "whether", "wether"),
    choice_words=("or",),
    not_choices=("not", "nah", "no", "nope", "naw", "what", "something", "anything", "so", "whatever"),
    deliberative=("better", "best", "should", "choose", "pick", "which"),
    past_sensitive=PAST_SENSITIVE,
    numbers=NUMBERS,
    modifiers=MODIFIERS,
    names=NAMES,
    places=PLACES,
    place_prepositions=("to", "in", "from", "at", "near", "into", "around", "of"),
    things=THINGS,
    stopwords=STOPWORDS,
    verbs=VERBS,
    adjectives=ADJECTIVES,
    grammar=GRAMMAR,
)
