"""English topic cues, stopwords, verbs and the tables the English focus grammar reads."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

CUES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "love 1.5": (
            "love|loves|loved|loving|lover*", "romance|romantic*", "dating|date|dates", "crush*",
            "soulmate*", "soul mate", "marri*|marry", "wedding*", "engaged|engagement", "fiance*|fiancé*",
            "breakup*", "break|broke|breaking|split up", "cheat*", "flirt*", "propos*", "fling",
            "kiss*", "tinder|bumble|hinge", "feelings", "feel about me", "the one", "commit|commitment",
            "long distance", "into me", "heart*", "honeymoon",
        ),
        "love 1": (
            "divorc*", "spark", "together", "single", "likes|like me", "miss me", "misses me",
            "miss him|her",
        ),
        "love 0.75": (
            "someone", "attract*",
        ),
        "* 1.5": (
            "relationship*", "relations",
        ),
        "* 1": (
            "reconcile*", "make up", "forgive*", "get along", "apologi*", "resent*", "talking to me",
            "speaking",
        ),
        "* 0.5": (
            "trust", "accept me", "honest with me",
        ),
        "work 2": (
            "job*", "career*|carrer|carreer", "freelanc*", "workplace", "unemploy*", "work|working|works",
        ),
        "work 1.5": (
            "promot*", "interview*", "business*", "startup*", "employ*", "hire|hired|hiring",
            "fire me|fired", "layoff*|laid off", "profession*", "probation", "internship*",
            "bakery|café|cafe|shop|store|restaurant|bookstore|salon", "publish*",
            "programmer|developer|engineer|designer|freelancer", "retrain*",
            "part|full time",
        ),
        "work 1": (
            "company|companies", "office", "project*", "contract*", "remote*", "position", "resume|cv|hr",
            "quit", "boss's", "offer*",
        ),
        "money 2": (
            "money|mony|moeny", "financ*|finacial", "debt*", "loan*", "invest*", "crypto*", "bitcoin*",
            "lotter*", "income", "wealth*", "mortgage*", "inherit*",
        ),
        "money 1.5": (
            "rich", "saving*", "save money|more", "bank|banks", "credit*", "afford*", "pay off|back",
            "pay ? back",
            "paid", "shares|stocks", "stock market", "budget*", "deposit", "spend*", "lend*", "borrow*",
            "tax|taxes",
        ),
        "money 1": (
            "save", "paying", "pay", "cheap*|expensive", "buy|buying|bought", "sell*", "sale", "price*", "cost*",
            "funding", "gold",
        ),
        "money 1.5 work 1": (
            "salary|raise|bonus", "side hustle",
        ),
        "money 1.5 spirit 1": (
            "abundance",
        ),
        "study 2 money 1": (
            "scholarship*",
        ),
        "wellbeing 2": (
            "health|helth|healthier", "sleep*", "tired*|exhausted|fatigue", "surgery", "operation",
            "therap*", "anxi*", "stress*", "burnout", "burned|burnt out", "medication*",
            "ill|illness*|sick*", "smok*", "pain*", "treatment*", "allerg*", "depress*", "panic*", "mental",
            "overthink*", "recover*", "cancer", "tumour|tumor", "quit smoking|drinking",
            "wellbeing", "well being",
        ),
        "wellbeing 1.5": (
            "weight", "diet*", "gym", "body", "confident|confidence", "self esteem", "kinder",
            "feel like myself",
        ),
        "wellbeing 1": (
            "healthy", "medicine", "calm*", "rest", "balance", "social media",
        ),
        "wellbeing 1.5 spirit 0.5": (
            "yoga",
        ),
        "wellbeing 1 spirit 0.5": (
            "peace",
        ),
        "spirit 1.5 wellbeing 1": (
            "inner peace",
        ),
        "home 1 wellbeing 0.5": (
            "pregnan*",
        ),
        "home 2": (
            "family|families", "baby|babies",
        ),
        "home 1.5": (
            "home", "house*", "flat|flats", "apartment*", "move|moving|moved|relocat*",
            "rent|renting|rental", "lease", "dog|dogs|cat|cats|pet|pets|puppy|kitten",
        ),
        "home 1": (
            "abroad", "friends", "neighbourhood|neighborhood",
        ),
        "home 0.5": (
            "city",
        ),
        "love 1 home 1": (
            "move in",
        ),
        "study 2": (
            "stud*", "exam*", "universit*|uni", "college", "school*", "phd", "thesis", "semester",
            "ielts|toefl|gmat|gre", "homework", "admission*", "driving test",
        ),
        "study 1.5": (
            "degree*", "master's|masters", "course*", "grade*", "learn*", "gap year", "major",
        ),
        "study 1": (
            "test", "code|coding",
        ),
        "spirit 2": (
            "spirit*", "soul|souls|soul's", "purpose", "universe", "karma*", "intuition*", "meditat*",
            "faith", "pray*", "full moon", "higher self", "past life", "watching over", "angel*",
            "manifest*", "chakra*", "aura", "11 11", "protect my energy",
        ),
        "spirit 1.5": (
            "path", "god", "moon", "mercury|retrograde", "healer", "lesson*", "mission", "my late", "gut",
            "trust myself", "dreaming", "a sign", "tarot",
        ),
        "spirit 1": (
            "guide|guides", "energy",
        ),
        "": (
            "in store",
            "work out|through", "worked out", "move on", "of course",
        ),
    }
)  # fmt: skip
"""Weights → patterns (see `QuestionLexicon.cues`): "*" is the topic of the people the question names (a
relationship with a dad is family), love when it names none; the empty key stops a shorter pattern."""

STOPWORDS = """
    a an the and or but if of to in on at for from with without by about into over under after before
    is am are was were be been being do does did doing have has had will would shall should can could may
    might must i me my mine myself you your yours u ur he him his she her hers it its they them their we
    us our this that these those there here what which who whom whose when where why how not no yes so whether
    very just too also still ever really as than then now up down out off again more most some any all
    each every other such only own same s t im i'm ive i've ill i'll id i'd dont don't doesnt doesn't
    isnt isn't wont won't cant can't gonna wanna please pls plz tell know want wonder going get got
    like lol ok okay hi hello hey well yeah oh um uh
"""

VERBS = """
    be get go come work last love like call text change move find meet have make take give leave stay
    quit pass win lose buy sell rent keep try accept forgive marry propose return reply answer happen
    turn end start begin finish stop open close grow improve help support succeed fail survive recover
    heal feel think know see look want need miss care trust lie cheat hurt regret apologize apologise
    reconcile approve sign hire fire pay lend borrow save spend invest afford bring develop do say tell
    ask agree decide choose pick travel visit study learn graduate apply reject unblock block contact
    notice realise realize understand remember forget matter mean belong become settle split break fight
    argue reach talk speak listen write read publish sleep eat rest gain wait arrive live fit suit sort
    figure calm fade lift show hold let put run sit stand play watch follow lead join catch pull push send
    receive set fix deal handle stick hit drop rise fall renew respect value like date kiss hate
    ignore replace cancel lower raise treat pay earn owe sue adopt bless protect guide teach
"""
"""Base forms of common verbs: where a subject ends and its verb begins ("my back pain | go away")."""

GRAMMAR: Mapping[str, Mapping[str, str] | str] = MappingProxyType(
    {
        # after "if"/"whether", words that make it a decision ("whether to move", "if I should call")
        "embedded_decision": "to should shall",
        # the word classes options are told apart by ("the job in Warsaw or | the one in Prague")
        "prepositions": "with for on about by to in at from into over under after before between without of",
        "det_like": "something someone somewhere anything",
        "transparent": "just only maybe rather simply also first even still perhaps probably instead",
        # a "do I …" with options is a decision ("Do I stay or leave?"); "which … should" is one too
        "deliberative_aux": "do",
        "which": "which",
        # the focus of a choice with no verb asking it ("Lviv or Kyiv?")
        "frames": MappingProxyType(
            {"choose": "whether to choose {a} or {b}", "do": "whether to {a} or {b}", "wh": "{wh}, {a} or {b}"}
        ),
        # themes that take no "your" ("about love", "about today")
        "bare_themes": "love romance money luck today tomorrow tonight now life",
        # adverbs that stand between a subject and its verb ("your career | finally | takes off")
        "adverbs": "still really ever even actually secretly truly also just always never finally already again ever",
        # the asker's words turned to ours
        "turn": MappingProxyType(
            {
                "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
                "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
                "i'm": "you're", "im": "you're", "i've": "you've", "ive": "you've", "i'll": "you'll",
                "i'd": "you'd", "we're": "you're", "we've": "you've", "we'll": "you'll", "ma": "my",
            }
        ),
        # what a verb is after "I"/"you" when the asker's "I" becomes our "you"
        "after_you": MappingProxyType({"am": "are", "was": "were", "'m": "'re"}),
        # aux spellings people type
        "aux": MappingProxyType(
            {
                "wil": "will", "wont": "won't", "wouldnt": "wouldn't", "isnt": "isn't", "arent": "aren't",
                "doesnt": "doesn't", "dont": "don't", "didnt": "didn't", "cant": "can't",
                "couldnt": "couldn't", "hasnt": "hasn't", "havent": "haven't", "shoud": "should",
                "shud": "should", "sould": "should", "shld": "should", "whats": "what's", "hows": "how's",
                "wat": "what", "wut": "what", "whens": "when's", "wheres": "where's", "whos": "who's",
                "whys": "why's", "wen": "when", "y": "why", "r": "are",
            }
        ),
        # the third person singular where adding -s is wrong
        "third": MappingProxyType({"have": "has", "do": "does", "go": "goes", "be": "is"}),
        # past tenses that are not -ed
        "past": MappingProxyType(
            {
                "go": "went", "do": "did", "have": "had", "leave": "left", "mean": "meant", "feel": "felt",
                "see": "saw", "tell": "told", "think": "thought", "meet": "met", "get": "got",
                "make": "made", "take": "took", "say": "said", "know": "knew", "forget": "forgot",
                "find": "found", "give": "gave", "come": "came", "lose": "lost", "choose": "chose",
                "break": "broke", "speak": "spoke", "write": "wrote", "sleep": "slept", "hurt": "hurt",
                "put": "put", "let": "let", "lie": "lied", "buy": "bought", "bring": "brought",
                "fall": "fell", "hold": "held", "keep": "kept", "send": "sent", "spend": "spent",
                "stand": "stood", "understand": "understood", "win": "won", "run": "ran", "be": "was",
                "become": "became", "begin": "began", "fight": "fought", "hear": "heard", "pay": "paid",
                "sell": "sold", "stop": "stopped", "drop": "dropped", "plan": "planned", "text": "texted",
            }
        ),
        # how a phrase told in the past ends its verbs (a time there is no time the question asks about)
        "past_endings": "ed",
        # verbs whose past is what an "-ed" word looks like, to tell the past in a phrase
        "past_words": """
            met was were went left saw said told came got had did broke spoke wrote slept bought brought
            fell held kept sent spent stood won ran became began fought heard paid sold hasn't haven't
            didn't thought felt made took knew found gave lost chose
        """,
        # subjects that are no one's words to turn and take the verb as is
        "subjects": """
            he she it they i we you there this that things everything someone anyone something anything
            everyone nobody somebody tomorrow today now life
        """,
        # words that end a subject noun phrase before a copula ("what the message of this moon is")
        "np_stops": """
            to in on at for from with without by about into over under after before between right now
            today tomorrow this next during around than like as
        """,
    }
)  # fmt: skip

ADJECTIVES = """
    safe happy sad serious real fair jealous right wrong okay ok fine over honest proud good bad better worse
    worth meant able ready possible true interested attractive angry upset mad distant faithful loyal
    successful stable rich healthy sick pregnant single free done alive important necessary late early wise
    smart enough lucky worried afraid scared sure certain against still really ever always never so too very
    just also even actually truly finally already again secretly lying going into nice kind cold far close
"""
"""Predicate words: where a subject before "is" ends ("my job | safe")."""
