"""The people English questions name: relations, the other person, strangers, first names.

English names need no cases: `Name.nom` is the noun we name the person back with, after the turned
determiner ("your sister"); pronouns carry their object form in `acc` and their possessive in `gen`.
"""

from __future__ import annotations

from tarot_domain.content.lexicon import Modifier, Person
from tarot_domain.content.schema import Gender, Name

F = Gender.FEMININE


PEOPLE: tuple[Person, ...] = (
    # family
    Person("mother", Name("mother", gender=F), forms=("mothr",)),
    Person("mother", Name("mom", gender=F), forms=("mommy", "momma", "mama", "mamma")),
    Person("mother", Name("mum", gender=F), forms=("mummy", "mam")),
    Person("father", Name("father")),
    Person("father", Name("dad"), forms=("daddy", "papa", "pops")),
    Person("parents", Name("parents", plural=True), forms=("folks", "parent")),
    Person("sister", Name("sister", gender=F), forms=("sis",)),
    Person("brother", Name("brother"), forms=("bro",)),
    Person("son", Name("son")),
    Person("daughter", Name("daughter", gender=F)),
    Person("child", Name("child"), gendered=False),
    Person("children", Name("children", plural=True), forms=("childs",)),
    Person("children", Name("kids", plural=True), forms=("kiddos", "kid")),
    Person("grandmother", Name("grandmother", gender=F), forms=("granny", "gran")),
    Person("grandmother", Name("grandma", gender=F), forms=("grandmom", "nana", "nan")),
    Person("grandfather", Name("grandfather")),
    Person("grandfather", Name("grandpa"), forms=("granddad", "grandad", "gramps")),
    Person("aunt", Name("aunt", gender=F), forms=("auntie", "aunty")),
    Person("uncle", Name("uncle")),
    Person("cousin", Name("cousin"), gendered=False),
    Person("niece", Name("niece", gender=F)),
    Person("nephew", Name("nephew")),
    Person("family", Name("family"), forms=("fam",), gendered=False),
    Person("mother-in-law", Name("mother-in-law", gender=F), forms=("mil",)),
    Person("father-in-law", Name("father-in-law")),
    Person("daughter-in-law", Name("daughter-in-law", gender=F)),
    Person("son-in-law", Name("son-in-law")),
    Person("in-laws", Name("in-laws", plural=True), forms=("inlaws",)),
    Person("stepmother", Name("stepmother", gender=F), forms=("step-mother",)),
    Person("stepmother", Name("stepmom", gender=F), forms=("step-mom", "stepmum", "step-mum")),
    Person("stepfather", Name("stepfather"), forms=("step-father",)),
    Person("stepfather", Name("stepdad"), forms=("step-dad",)),
    # love
    Person("husband", Name("husband"), forms=("hubby", "hubbie")),
    Person("wife", Name("wife", gender=F), forms=("wifey",)),
    Person("boyfriend", Name("boyfriend"), forms=("bf", "boyf", "boy-friend")),
    Person("girlfriend", Name("girlfriend", gender=F), forms=("gf", "girlf", "girl-friend")),
    Person("partner", Name("partner"), gendered=False),
    Person("partner", Name("business partner"), gendered=False, topic="work"),
    Person("fiance", Name("fiancé"), forms=("fiance",)),
    Person("fiance", Name("fiancée", gender=F), forms=("fiancee",)),
    Person("ex", Name("ex"), gendered=False),
    Person("crush", Name("crush"), gendered=False),
    Person("soulmate", Name("soulmate"), forms=("soul-mate", "twin-flame"), gendered=False),
    Person("lover", Name("lover"), gendered=False),
    Person("man", Name("guy"), forms=("dude", "bloke", "boy"), stranger=True),
    Person("man", Name("man"), stranger=True),
    Person("woman", Name("girl", gender=F), forms=("gal", "lady"), stranger=True),
    Person("woman", Name("woman", gender=F), stranger=True),
    # friends, home, work, study, care
    Person("friend", Name("friend"), forms=("bestie", "bff", "buddy", "pal", "mate"), gendered=False),
    Person("friend", Name("friends", plural=True), forms=("besties", "buddies", "mates")),
    Person("neighbour", Name("neighbour"), gendered=False),
    Person("neighbour", Name("neighbor"), gendered=False),
    Person("neighbour", Name("neighbours", plural=True), forms=("neighbors",)),
    Person("landlord", Name("landlord")),
    Person("landlord", Name("landlady", gender=F)),
    Person("roommate", Name("roommate"), forms=("room-mate", "flatmate", "housemate"), gendered=False),
    Person("colleague", Name("colleague"), gendered=False),
    Person("colleague", Name("coworker"), forms=("co-worker", "workmate"), gendered=False),
    Person("colleague", Name("colleagues", plural=True), forms=("coworkers", "co-workers")),
    Person("boss", Name("boss"), gendered=False),
    Person("manager", Name("manager"), gendered=False),
    Person("manager", Name("team leader"), forms=("team-lead", "teamlead"), gendered=False),
    Person("manager", Name("supervisor"), gendered=False),
    Person("client", Name("client"), forms=("customer",), gendered=False),
    Person("employer", Name("employer"), gendered=False),
    Person("employee", Name("employee"), gendered=False),
    Person("teacher", Name("teacher"), forms=("lecturer", "mentor"), gendered=False),
    Person("teacher", Name("tutor"), gendered=False),
    Person("teacher", Name("professor"), forms=("prof",), gendered=False),
    Person("doctor", Name("doctor"), forms=("doc", "gp", "physician"), gendered=False),
    Person("therapist", Name("therapist"), forms=("counsellor", "counselor"), gendered=False),
    Person("therapist", Name("psychologist"), forms=("psychiatrist",), gendered=False),
    # the other person
    Person("he", Name("he", acc="him", gen="his"), forms=("hes", "he's", "he'll", "he'd"), pronoun=True),
    Person(
        "she",
        Name("she", acc="her", gen="her", gender=F),
        forms=("shes", "she's", "she'll", "she'd"),
        pronoun=True,
    ),
    Person(
        "they", Name("they", acc="them", gen="their", plural=True), forms=("they're", "they'll"), pronoun=True
    ),
)
"""Each relation's entries, the register people write it in first ("mum", "mom", "mother" are three
entries, so we answer in the asker's own word)."""

MODIFIERS: tuple[Modifier, ...] = (
    Modifier(
        ("ex", "former"),
        relation="ex",
        applies=("husband", "wife", "boyfriend", "girlfriend", "partner", "fiance"),
    ),
)
"""English keeps any other word between the owner and the noun as written ("your little brother")."""

NAMES: tuple[str, ...] = (
    "alex", "sarah", "tom", "mark", "daniel", "anna", "kate", "john", "james", "david", "michael",
    "chris", "sam", "max", "nick", "mike", "ben", "jack", "dan", "matt", "paul", "peter", "andrew",
    "ryan", "jake", "josh", "adam", "liam", "noah", "ethan", "lucas", "leo", "oliver", "harry", "george",
    "emma", "olivia", "sophie", "sophia", "mia", "emily", "jessica", "jess", "laura", "lisa", "maria",
    "julia", "natalie", "amy", "lucy", "chloe", "hannah", "rachel", "rebecca", "megan", "ella",
    "olga", "olena", "oksana", "iryna", "andriy", "andrii", "dmytro", "dima", "oleh", "oleg", "maksym",
    "maxim", "taras", "denys", "denis", "ivan", "sasha", "vlad", "nastya", "yulia", "katya", "masha",
    "anya", "bohdan", "serhiy", "yuriy", "roman", "artem", "nazar", "vika", "tanya", "sveta",
)  # fmt: skip
"""First names, read as a person only when written with a capital."""
