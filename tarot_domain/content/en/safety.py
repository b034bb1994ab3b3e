"""English safety data: what the screen looks for, what the service says, and the international pointer.

Pattern notation: `tarot_domain/content/safety_schema.py`. The helpline facts were checked on
`verified_on` against findahelpline.com itself (free, confidential helplines listed by country).
"""

from __future__ import annotations

from datetime import date

from tarot_domain.content.safety_schema import Helpline, SafetyPack, SafetyPatterns, SafetyTexts

PACK = SafetyPack(
    language="en",
    verified_on=date(2026, 12, 1),
    region=None,
    lines=None,
    international=Helpline(name="Find A Helpline", url="findahelpline.com"),
    patterns=SafetyPatterns(
        crisis=(
            # naming it
            "suicid*",
            "kill|killing|killed myself|meself",
            "kms",
            "unalive|unaliving myself|me",
            "end|ending|ended my life",
            "end|ending|ended my own life",
            "end|ending it all",
            "take|taking my own life",
            "hang|hanging myself",
            "shoot myself",
            "jump|jumping off|from a|the bridge|roof|building|cliff|balcony",
            "jump|jumping|step|stepping|walk|walking|throw|throwing in front of ~ train|car|bus|truck",
            "myself in front of ~ train|car|bus|truck",
            "myself under a|the train",
            # wanting to die, not wanting to live
            "want|wanna|wish|ready ~ die",
            "want|wish to be dead",
            "wish i was|were dead",
            "wish i was|were never born",
            "wish i had|hadnt never|ever been born",
            "wish i wasnt|werent alive|born",
            "wish i could disappear",
            "better off dead",
            "rather be dead",
            "dont|not want to live|exist",
            "dont|not want to live in this world|life",
            "dont|not wanna live|exist",
            "dont|not want to be alive",
            "dont|not want to wake up again|tomorrow|anymore",
            "never wake up again",
            "sleep and never wake up",
            "not|isnt|aint worth living",
            "no reason|point to|in live|living",
            "point in|of living|existing",
            "point in|of being alive",
            "nothing left to live for",
            "nothing to live for",
            "tired|sick of living",
            "tired|sick of being alive",
            "cant|cannot go on anymore",
            "cant|cannot go on like this",
            "cant|cannot go on living",
            "cant|cannot do this anymore",
            "cant|cannot take it|this anymore",
            "want to disappear forever",
            # nobody would miss me
            "nobody|noone would|will miss me",
            "no one would|will miss me",
            "nobody|noone would|will care if i",
            "no one would|will care if i",
            "notice if i died|disappeared|vanished",
            "everyone|everybody|they|family|world ~ better off without me",
            # hurting myself
            "self harm*|injur*",
            "selfharm*|selfinjur*",
            "harm|harming|hurting myself",
            "hurt myself again",
            "hurt|hurting|cut|cutting myself on purpose",
            "want|wanna|going|gonna|urge ~ hurt|harm myself",
            "cut|cutting myself again|deep|deeper",
            "cut|cutting|slit|slitting my wrists|wrist|arms|veins|thighs",
            "overdos*",
            "od on",
            "take|swallow|taking|swallowing all my|the pills|tablets",
            "whole bottle of pills",
            "too many pills|tablets on purpose",
            "pills to end|die",
            "poison myself",
        ),
        safe=(
            "dying to know|see|hear|meet|try|find|tell|get|go|ask|learn|read|visit",
            "to die for",
            "die laughing",
            "killing it",
            "kill it",
            "kill time",
            "kid|kidding myself",
            "kit myself out",
            "bored|scared|worried|tickled|loved to death",
            "live|living in|with|near|at|here|there|abroad|alone|together|apart|separately|far|close|on|by",
        ),
        health=(
            "antidepress*|ssri*|snri*|lithium|sertraline|fluoxetine|prozac|zoloft|xanax|valium|adderall",
            "medicat*|meds|medicine|medicines|prescription*|insulin|chemo*|radiotherapy|antibiotic*",
            "vaccin*|steroid*",
            "stop|quit|start|stopping|quitting|starting|skip|skipping|take|taking my|the pill|pills|tablets",
            "surgery|operation|transplant|biopsy|diagnos*|symptom*|prognos*",
            "cancer|tumour|tumor|diabetes|hiv|illness|disease|infection|depression",
            "heart attack",
            "am i sick|ill|pregnant|infertile|dying",
            "pregnan*|abortion|miscarr*|ivf|fertility|contracept*",
            "my doctor|therapist|psychiatrist|gp|surgeon",
            "see|visit a|the doctor",
            "go|going to the hospital|doctor",
            "treatment*|therapy|rehab",
            "lump in my",
        ),
        legal=(
            "sue my|the|him|her|them|for|over|a|an|his|their|our|me|you",
            "suing|sued|lawsuit*",
            "take|taking|took ~ to court",
            "go|going to court",
            "court case|hearing|date|order|fees",
            "in court",
            "lawyer*|attorney*|solicitor*|barrister*|notary",
            "legal action|case|advice|trouble|battle|dispute|fees",
            "divorce papers|lawyer|proceedings|settlement",
            "file|filing for divorce|bankruptcy",
            "custody",
            "press charges",
            "plead guilty",
            "criminal charges|record",
            "arrest*|prison|jail|probation|parole|bail",
            "sign the|this contract|agreement|nda|lease",
            "breach of contract",
            "evict*",
            "deport*|asylum|visa|immigration",
            "inheritance dispute",
        ),
        money=(
            "crypto*|bitcoin*|btc|ethereum|nft|nfts|dogecoin|altcoin*|forex",
            "invest|investing my|our|the|all money|savings|pension|inheritance",
            "invest|investing ~ stock*|shares|crypto*|bitcoin*|property|business|startup|fund|funds",
            "investment*|investor*",
            "stocks",
            "stock market",
            "shares in",
            "day trading",
            "trading account",
            "my|our savings|pension",
            "retirement fund|savings",
            "put|putting ~ savings|money into|in",
            "loan|loans|mortgage|remortgage|overdraft",
            "credit card debt",
            "borrow|borrowing|lend|lending money",
            "take out a loan|credit",
            "in debt",
            "gambl*|casino*|betting|bookie*|poker|slots|roulette|lottery|jackpot",
            "place a bet",
            "bet on ~ game|match|race|horse|team",
            "go|going all in",
            "buy ~ house|flat|apartment|property",
            "sell ~ house|flat|apartment|shares|stocks",
            "pay off ~ debt|loan|mortgage",
        ),
    ),
    texts=SafetyTexts(
        crisis_open=(
            "I'm really sorry you're feeling this way, and I'm glad you said it. What you've written "
            "matters more than any card, so there is no reading this time and nothing has been charged. "
            "Please talk to someone who can be with you in this right now: you don't have to carry it "
            "alone."
        ),
        helpline="{name}: {contact}",
        helpline_details="{name}: {contact} ({details})",
        emergency_region="If you might act on these thoughts or you are in danger, call {number} now.",
        emergency_any=(
            "If you might act on these thoughts or you are in danger, call your local emergency number "
            "(112 in Europe, 911 in North America) now."
        ),
        international="Wherever you are, {url} lists free, confidential helplines in your country.",
        rephrase="If I misunderstood you, you can rephrase your question.",
        pointer_health=(
            "Before the cards: this question touches your health. A reading can help you reflect on how "
            "you feel, but it cannot tell you whether to begin, end or change a treatment, so please "
            "talk it over with your doctor or pharmacist before you decide anything."
        ),
        pointer_legal=(
            "Before the cards: this is a legal matter. A reading can help you sort out your feelings "
            "about it, but only a lawyer can tell you where you stand and which step makes sense, so "
            "please ask one before you act."
        ),
        pointer_money=(
            "Before the cards: your money is at stake here. A reading can help you think it through, "
            "but it cannot weigh a financial risk, so please talk to a qualified financial adviser "
            "before you put money in, borrow or lend."
        ),
        no_lean=(
            "On a question like this the cards give no yes or no. {card} describes the situation "
            "itself, with its {keywords}; take that with you to the person who can advise you."
        ),
        no_lean_follow_up=(
            "As with the reading itself, the cards describe the situation here rather than answer yes or no."
        ),
    ),
    directives=(
        "leans yes|no",
        "leans|leaning towards|toward yes|no",
        "leaning yes|no",
        "the answer is yes|no",
        "answer is a yes|no",
        "its a yes|no",
        "yes you should",
        "no you should not",
        "no you shouldnt",
        "you should|must stop|quit|start taking",
        "stop|quit taking your|the",
        "stop|quit your medication|meds|treatment",
        "come off your medication|meds",
        "you dont need a|your doctor|lawyer",
        "no need to see a doctor",
        "you should sue",
        "go ahead and sue|sign|invest|buy|borrow",
        "file the lawsuit",
        "sign the papers|contract",
        "you should invest|buy|sell|borrow|gamble",
        "put your savings|money into|in",
        "take out the|a loan",
        "place the|your bet",
        "go all in",
    ),
)
