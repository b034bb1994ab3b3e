"""Spreads in English: names, descriptions, what each position asks, the questionnaires."""

from __future__ import annotations

from collections.abc import Mapping

from tarot_domain.content.shapes import PositionText, QuestionText, SpreadText

P = PositionText
Q = QuestionText

SPREADS: Mapping[str, SpreadText] = {
    "single": SpreadText(
        name="Single Card",
        description="One card for a quick look at the heart of your question.",
        positions={
            "card": P("The Heart of the Matter", "What matters most in your question right now."),
        },
    ),
    "yes-no": SpreadText(
        name="Yes or No",
        description="One card for a question that can be answered yes or no. The card's own meaning, upright or reversed, decides which way the answer leans, and shows what shapes it.",
        positions={
            "answer": P("The Answer", "Which way the answer leans, and why, from the card's own meaning."),
        },
    ),
    "three": SpreadText(
        name="Past, Present, Future",
        description="Three cards that trace your question from where it began to where it is heading.",
        positions={
            "past": P("Past", "What has led to this moment and still shapes it."),
            "present": P("Present", "Where you stand now and what is at work around you."),
            "future": P("Future", "Where things are heading if the current course holds."),
        },
    ),
    "celtic-cross": SpreadText(
        name="Celtic Cross",
        description="The classic ten-card spread: a full picture of your situation, what crosses it, what lies beneath and ahead, and where it is likely to lead.",
        positions={
            "present": P("The Present", "The heart of the situation as it stands today."),
            "challenge": P("The Challenge", "What crosses you: the obstacle or tension you must face."),
            "foundation": P("The Foundation", "The root of the matter, often hidden beneath the surface."),
            "recent-past": P("The Recent Past", "What is passing away and losing its hold on you."),
            "crown": P("The Crown", "The best that can come of this, the outcome you can aim for."),
            "near-future": P("The Near Future", "What is coming into your life in the days and weeks ahead."),
            "self": P("Yourself", "Your attitude and the part you play in the situation."),
            "environment": P(
                "Environment", "The people and circumstances around you and how they bear on it."
            ),
            "hopes-fears": P(
                "Hopes and Fears", "What you long for and what you dread, often two sides of one coin."
            ),
            "outcome": P("The Outcome", "Where all of this is most likely to lead."),
        },
    ),
    "relationship": SpreadText(
        name="Relationship",
        description="Five cards on you, the other person and what lies between you, including what tests the bond and where it is heading.",
        positions={
            "you": P("You", "What you bring to the relationship and how you feel in it."),
            "other": P("The Other Person", "What the other person brings and how they see the two of you."),
            "bond": P("The Bond", "The nature of the connection between you as it is now."),
            "challenge": P("The Challenge", "What strains the relationship or asks to be worked through."),
            "direction": P(
                "Where It Is Heading", "Where the relationship is going if things continue as they are."
            ),
        },
        questions={
            "partner": Q("Who is the other person to you?", "my partner, a new crush, my ex"),
            "stage": Q(
                "How long have you known each other, and what stage is the relationship at?",
                "dating for three months; married ten years; just broke up",
            ),
        },
    ),
    "career": SpreadText(
        name="Career",
        description="Four cards on your working life: where you stand, what helps and what blocks you, and the step to take next.",
        positions={
            "standing": P("Where You Stand", "Your current position at work and how you feel about it."),
            "helps": P("What Helps", "The strengths, people or chances you can lean on."),
            "blocks": P("What Blocks", "What holds your progress back, within you or around you."),
            "next-step": P("The Next Step", "The move that will carry you forward from here."),
        },
        questions={
            "role": Q(
                "What is your current role or field?", "junior designer at an agency; nurse; between jobs"
            ),
            "change": Q(
                "What would you like to change in your work?",
                "earn more; switch to a new field; start my own business",
            ),
        },
    ),
    "week-ahead": SpreadText(
        name="The Week Ahead",
        description="Seven cards, one for each day from Monday to Sunday, to show the rhythm of your coming week.",
        positions={
            "monday": P("Monday", "How the week begins and the tone Monday sets for it."),
            "tuesday": P("Tuesday", "Where Tuesday asks you to put your energy."),
            "wednesday": P("Wednesday", "What the middle of the week brings to light."),
            "thursday": P("Thursday", "The chance or challenge Thursday holds."),
            "friday": P("Friday", "How the working week draws to a close."),
            "saturday": P("Saturday", "What Saturday offers for pleasure, people and rest."),
            "sunday": P("Sunday", "What to reflect on and carry into the week after."),
        },
        questions={
            "focus": Q(
                "What is your main focus this week?", "an exam on Thursday; finishing a project; resting"
            ),
            "concern": Q(
                "Is anything on your mind about the days ahead?",
                "a difficult conversation; a trip; nothing in particular",
            ),
        },
    ),
    "month-ahead": SpreadText(
        name="The Month Ahead",
        description="Twelve cards for the coming month: its theme, an opportunity and a challenge for each of its four weeks, then advice, a hidden influence and the outcome.",
        positions={
            "theme": P("Theme of the Month", "The thread that runs through the whole month."),
            "week-1-opportunity": P("Week 1: Opportunity", "The opening the first week offers you."),
            "week-1-challenge": P("Week 1: Challenge", "What the first week asks you to face or overcome."),
            "week-2-opportunity": P("Week 2: Opportunity", "The opening the second week offers you."),
            "week-2-challenge": P("Week 2: Challenge", "What the second week asks you to face or overcome."),
            "week-3-opportunity": P("Week 3: Opportunity", "The opening the third week offers you."),
            "week-3-challenge": P("Week 3: Challenge", "What the third week asks you to face or overcome."),
            "week-4-opportunity": P("Week 4: Opportunity", "The opening the fourth week offers you."),
            "week-4-challenge": P("Week 4: Challenge", "What the fourth week asks you to face or overcome."),
            "advice": P("Advice", "How best to meet the month and make the most of it."),
            "hidden": P("Hidden Influence", "A force at work behind the scenes that you may not notice."),
            "outcome": P("Outcome", "Where the month is likely to leave you by its end."),
        },
        questions={
            "hopes": Q(
                "What do you most hope this month will bring?", "a new job; more calm; progress on a project"
            ),
            "situation": Q(
                "What is happening in your life as the month begins?",
                "moving house; a new relationship; a busy season at work",
            ),
        },
    ),
    "year-ahead": SpreadText(
        name="The Year Ahead",
        description="Thirteen cards: one for the theme of the year, then one for each month from January to December.",
        positions={
            "theme": P(
                "Theme of the Year", "The story the whole year is telling and the lesson at its centre."
            ),
            "january": P("January", "What January holds for you: its main events, mood and lesson."),
            "february": P("February", "What February holds for you: its main events, mood and lesson."),
            "march": P("March", "What March holds for you: its main events, mood and lesson."),
            "april": P("April", "What April holds for you: its main events, mood and lesson."),
            "may": P("May", "What May holds for you: its main events, mood and lesson."),
            "june": P("June", "What June holds for you: its main events, mood and lesson."),
            "july": P("July", "What July holds for you: its main events, mood and lesson."),
            "august": P("August", "What August holds for you: its main events, mood and lesson."),
            "september": P("September", "What September holds for you: its main events, mood and lesson."),
            "october": P("October", "What October holds for you: its main events, mood and lesson."),
            "november": P("November", "What November holds for you: its main events, mood and lesson."),
            "december": P("December", "What December holds for you: its main events, mood and lesson."),
        },
        questions={
            "intention": Q(
                "What is your intention for the coming year?",
                "find love; change careers; take better care of myself",
            ),
            "area": Q("Which area of life do you most want guidance in?", "love, work, health, home, money"),
        },
    ),
    "life-path": SpreadText(
        name="Life Path",
        description="Our deepest spread: fifteen cards on where you come from, what you carry, what life is teaching you and the path your soul is walking.",
        positions={
            "roots": P("Roots", "The family, places and early years that shaped who you are."),
            "gifts": P("Gifts", "The talents you were born with and may not yet fully use."),
            "wounds": P("Wounds", "Old hurts that still ask to be understood and healed."),
            "lessons": P("Lessons", "What life keeps teaching you until you learn it."),
            "shadow": P("Shadow", "The part of yourself you would rather not see, and what it guards."),
            "strength": P("Inner Strength", "What carries you through hard times."),
            "desire": P("Heart's Desire", "What you truly long for beneath everyday wants."),
            "fear": P("Deepest Fear", "The fear that quietly holds you back."),
            "relationships": P(
                "Relationships", "How you love and connect, and what others mirror back to you."
            ),
            "calling": P("Calling", "The work through which you give your best to the world."),
            "purpose": P("Purpose", "Why you are here and what your life is in service of."),
            "turning-point": P("Turning Point", "The change that is ready to happen in your life now."),
            "guidance": P("Guidance", "The counsel of your wisest self for the road ahead."),
            "souls-path": P("Soul's Path", "The road your soul is walking across the whole of your life."),
            "destination": P("Destination", "Where this path leads if you follow it with an open heart."),
        },
        questions={
            "stage": Q(
                "Where are you in life right now?",
                "just finished university; mid-career and restless; recently retired",
            ),
            "turning-points": Q(
                "Which moments or events have shaped you most?", "moving abroad; a loss; becoming a parent"
            ),
            "seeking": Q(
                "What are you seeking from this reading?",
                "a sense of direction; peace with my past; clarity about a choice",
            ),
        },
    ),
}
