"""The suit of pentacles (earth): work, money, body and home, ace to king."""

from tarot_domain.model.cards import Arcana, Card, Element, Suit

CARDS: tuple[Card, ...] = (
    Card(
        id="pentacles-ace",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=1,
        element=Element.EARTH,
        name={"en": "Ace of Pentacles", "uk": "Туз Пентаклів"},
        upright_keywords={
            "en": ("opportunity", "prosperity", "new venture", "stability"),
            "uk": ("нагода", "достаток", "нова справа", "стабільність"),
        },
        reversed_keywords={
            "en": ("missed chance", "poor planning", "shaky foundation"),
            "uk": ("втрачена нагода", "погане планування", "хиткий фундамент"),
        },
        upright_meaning={
            "en": (
                "A practical opportunity is within reach: a job, a project, a skill or a resource that can "
                "grow with patient care. This card favours solid beginnings rooted in real needs. Plant the "
                "seed, tend it steadily, and give it time to take hold."
            ),
            "uk": (
                "Практична нагода вже поруч: робота, проєкт, уміння чи ресурс, які можуть вирости, якщо "
                "терпляче про них дбати. Ця карта сприяє надійним починанням, що спираються на реальні "
                "потреби. Посадіть зернятко, доглядайте його й дайте йому час укорінитися."
            ),
        },
        reversed_meaning={
            "en": (
                "An opening may be slipping by, or a promising plan lacks the groundwork to last. Check "
                "whether you are reaching for something without preparing for it. Slowing down to set a "
                "firmer base now can save disappointment later."
            ),
            "uk": (
                "Нагода, можливо, вислизає, або багатообіцяючому задуму бракує підґрунтя, щоб утриматися. "
                "Перевірте, чи не тягнетеся ви до чогось, не підготувавшись. Якщо зараз пригальмувати й "
                "закласти міцнішу основу, це вбереже від розчарувань згодом."
            ),
        },
    ),
    Card(
        id="pentacles-two",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=2,
        element=Element.EARTH,
        name={"en": "Two of Pentacles", "uk": "Двійка Пентаклів"},
        upright_keywords={
            "en": ("balance", "adaptability", "juggling priorities", "flexibility"),
            "uk": ("рівновага", "пристосовність", "жонглювання пріоритетами", "гнучкість"),
        },
        reversed_keywords={
            "en": ("overcommitment", "disorganisation", "losing balance"),
            "uk": ("перевантаженість", "безлад", "втрата рівноваги"),
        },
        upright_meaning={
            "en": (
                "Life asks you to keep several things moving at once, and you are managing it with some "
                "grace. Flexibility is your strength right now. Keep a light touch, adjust as things shift, "
                "and remember that balance is something you practise, not something you reach once."
            ),
            "uk": (
                "Життя вимагає тримати в русі кілька справ одночасно, і ви справляєтеся з цим доволі "
                "вправно. Гнучкість зараз — ваша сила. Не затискайтеся, підлаштовуйтеся до змін і "
                "пам'ятайте, що рівновага — це щоденна практика, а не мета, якої досягають раз і назавжди."
            ),
        },
        reversed_meaning={
            "en": (
                "Too many commitments are competing for the same time and energy, and something may slip. It "
                "is a good moment to list what truly matters and let a few things go. Saying no to one task "
                "can be a way of saying yes to your own peace of mind."
            ),
            "uk": (
                "Забагато зобов'язань змагаються за той самий час і ті самі сили, тож щось може вислизнути. "
                "Саме час скласти список справді важливого й відпустити кілька справ. Сказати «ні» одному "
                "завданню часто означає сказати «так» власному спокою."
            ),
        },
    ),
    Card(
        id="pentacles-three",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=3,
        element=Element.EARTH,
        name={"en": "Three of Pentacles", "uk": "Трійка Пентаклів"},
        upright_keywords={
            "en": ("teamwork", "craftsmanship", "collaboration", "learning"),
            "uk": ("командна робота", "майстерність", "співпраця", "навчання"),
        },
        reversed_keywords={
            "en": ("poor coordination", "lack of recognition", "working in isolation"),
            "uk": ("погана злагодженість", "брак визнання", "робота наодинці"),
        },
        upright_meaning={
            "en": (
                "Good work grows when skills are shared. This card highlights cooperation, mentoring and the "
                "satisfaction of building something carefully with others. Ask for feedback, value what each "
                "person brings, and let your own craft be seen."
            ),
            "uk": (
                "Добра справа росте, коли вміннями діляться. Ця карта наголошує на співпраці, наставництві й "
                "радості від того, що разом з іншими ви старанно щось будуєте. Просіть відгуків, цінуйте "
                "внесок кожного й не ховайте власної майстерності."
            ),
        },
        reversed_meaning={
            "en": (
                "A shared effort may be stalling because roles are unclear or people are pulling in "
                "different directions. You might also feel your contribution goes unnoticed. An honest "
                "conversation about who does what, and why it matters, can get things moving again."
            ),
            "uk": (
                "Спільна справа, можливо, буксує, бо ролі нечіткі або кожен тягне у свій бік. Може також "
                "здаватися, що ваш внесок ніхто не помічає. Чесна розмова про те, хто що робить і чому це "
                "важливо, здатна знову зрушити все з місця."
            ),
        },
    ),
    Card(
        id="pentacles-four",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=4,
        element=Element.EARTH,
        name={"en": "Four of Pentacles", "uk": "Четвірка Пентаклів"},
        upright_keywords={
            "en": ("security", "saving", "control", "holding on"),
            "uk": ("безпека", "заощадження", "контроль", "утримання"),
        },
        reversed_keywords={
            "en": ("fear of loss", "possessiveness", "loosening your grip"),
            "uk": ("страх утрати", "власницьке ставлення", "послаблення хватки"),
        },
        upright_meaning={
            "en": (
                "You are guarding what you have built, and a sense of security matters deeply right now. "
                "Saving and planning are wise, but be honest about whether caution has become a tight fist. "
                "Stability feels best when it still leaves room for sharing and change."
            ),
            "uk": (
                "Ви оберігаєте те, що збудували, і відчуття безпеки зараз дуже важливе. Заощаджувати й "
                "планувати розумно, але чесно запитайте себе, чи не перетворилася обережність на стиснутий "
                "кулак. Стабільність найприємніша тоді, коли в ній лишається місце для щедрості та змін."
            ),
        },
        reversed_meaning={
            "en": (
                "Holding on too tightly may be costing you more than it protects, whether that is money, "
                "people or an old way of doing things. Alternatively, you may be learning to relax your "
                "grip. Ask what you would gain by letting a little more flow in and out."
            ),
            "uk": (
                "Надто міцна хватка, можливо, коштує вам більше, ніж захищає, — чи то гроші, люди, чи "
                "звичний спосіб робити речі. А може, ви якраз учитеся її послаблювати. Запитайте себе, що ви "
                "отримаєте, якщо дозволите ресурсам трохи вільніше приходити й відходити."
            ),
        },
    ),
    Card(
        id="pentacles-five",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=5,
        element=Element.EARTH,
        name={"en": "Five of Pentacles", "uk": "П'ятірка Пентаклів"},
        upright_keywords={
            "en": ("hardship", "insecurity", "isolation", "feeling left out"),
            "uk": ("скрута", "невпевненість", "самотність", "відчуженість"),
        },
        reversed_keywords={
            "en": ("recovery", "accepting help", "finding support"),
            "uk": ("відновлення", "прийняття допомоги", "знайдена підтримка"),
        },
        upright_meaning={
            "en": (
                "Times feel lean, whether in money, health or a sense of belonging, and it is easy to feel "
                "shut out. Help may be closer than it seems, yet pride or shame can keep you from asking. "
                "Look for the lit window nearby and let someone in."
            ),
            "uk": (
                "Настали скрутні часи — у грошах, здоров'ї чи відчутті приналежності, — і легко почуватися "
                "покинутим за дверима. Допомога може бути ближче, ніж здається, але гордість чи сором "
                "заважають попросити. Пошукайте освітлене вікно поруч і дозвольте комусь підтримати вас."
            ),
        },
        reversed_meaning={
            "en": (
                "The hardest part of a difficult period is starting to ease. You may be finding support, new "
                "resources, or simply the courage to accept help that was offered. Recovery can be gradual, "
                "so honour each small sign of improvement."
            ),
            "uk": (
                "Найважчий етап скрутного періоду потроху минає. Можливо, ви знаходите підтримку, нові "
                "ресурси чи просто сміливість прийняти допомогу, яку вам пропонували. Відновлення буває "
                "поступовим, тож помічайте й цінуйте кожну, навіть найменшу, ознаку покращення."
            ),
        },
    ),
    Card(
        id="pentacles-six",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=6,
        element=Element.EARTH,
        name={"en": "Six of Pentacles", "uk": "Шістка Пентаклів"},
        upright_keywords={
            "en": ("generosity", "giving and receiving", "fairness", "charity"),
            "uk": ("щедрість", "давати й отримувати", "справедливість", "благодійність"),
        },
        reversed_keywords={
            "en": ("strings attached", "imbalance", "one-sided giving"),
            "uk": ("допомога з умовами", "нерівновага", "однобічна щедрість"),
        },
        upright_meaning={
            "en": (
                "Resources are moving between people in a fair and kindly way. You may be in a position to "
                "help, or ready to accept support with gratitude. Either role is honourable; the key is "
                "keeping the exchange respectful and balanced, so that no one feels small or indebted."
            ),
            "uk": (
                "Ресурси переходять між людьми чесно й доброзичливо. Можливо, ви маєте змогу допомогти або "
                "готові з вдячністю прийняти підтримку. Обидві ролі гідні, головне — щоб обмін залишався "
                "шанобливим і врівноваженим, а ніхто не почувався приниженим чи зобов'язаним."
            ),
        },
        reversed_meaning={
            "en": (
                "Giving and receiving have fallen out of balance. Help might come with hidden conditions, or "
                "you may be giving far more than you get back. Look at where power sits in the exchange, and "
                "adjust so that generosity does not turn into obligation."
            ),
            "uk": (
                "Баланс між тим, що ви даєте й отримуєте, порушився. Допомога може мати приховані умови, або "
                "ви віддаєте значно більше, ніж отримуєте натомість. Подивіться, у кого в цьому обміні "
                "влада, і змініть щось, аби щедрість не перетворилася на обов'язок."
            ),
        },
    ),
    Card(
        id="pentacles-seven",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=7,
        element=Element.EARTH,
        name={"en": "Seven of Pentacles", "uk": "Сімка Пентаклів"},
        upright_keywords={
            "en": ("patience", "long-term investment", "assessment", "perseverance"),
            "uk": ("терпіння", "довгострокові вкладення", "оцінка", "наполегливість"),
        },
        reversed_keywords={
            "en": ("impatience", "wasted effort", "doubting progress"),
            "uk": ("нетерплячість", "марні зусилля", "сумніви щодо результатів"),
        },
        upright_meaning={
            "en": (
                "Much effort has gone in, and the harvest is not ready yet. This is a moment to step back "
                "and review what is growing well and what needs changing. Patience, plus honest assessment, "
                "will serve you better than either giving up or rushing."
            ),
            "uk": (
                "Зусиль вкладено чимало, але врожай ще не дозрів. Настав час відступити на крок і оцінити, "
                "що росте добре, а що варто змінити. Терпіння разом із чесною оцінкою допоможуть більше, ніж "
                "відмова від справи чи поспіх."
            ),
        },
        reversed_meaning={
            "en": (
                "Frustration may be growing because results seem slow or effort feels wasted. Before "
                "quitting, check whether the approach needs adjusting rather than abandoning. Sometimes the "
                "wiser choice is to redirect energy towards something that can actually flourish."
            ),
            "uk": (
                "Може наростати роздратування, бо результати приходять повільно або зусилля здаються "
                "марними. Перш ніж усе кидати, перевірте, чи не досить просто змінити підхід. Іноді мудріше "
                "спрямувати сили на те, що справді здатне розквітнути."
            ),
        },
    ),
    Card(
        id="pentacles-eight",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=8,
        element=Element.EARTH,
        name={"en": "Eight of Pentacles", "uk": "Вісімка Пентаклів"},
        upright_keywords={
            "en": ("diligence", "skill-building", "mastery", "focus"),
            "uk": ("старанність", "розвиток навичок", "майстерність", "зосередженість"),
        },
        reversed_keywords={
            "en": ("perfectionism", "boredom", "cutting corners"),
            "uk": ("перфекціонізм", "нудьга", "робота абияк"),
        },
        upright_meaning={
            "en": (
                "Steady, focused practice is paying off. This card celebrates learning a craft, improving a "
                "skill and taking pride in detail. Keep showing up for the work; repetition that feels "
                "ordinary today is building real expertise for tomorrow."
            ),
            "uk": (
                "Наполеглива, зосереджена практика приносить плоди. Ця карта вшановує опанування ремесла, "
                "вдосконалення навичок і гордість за увагу до деталей. Продовжуйте щодня братися до роботи: "
                "повторення, що сьогодні здається буденним, завтра стане справжньою майстерністю."
            ),
        },
        reversed_meaning={
            "en": (
                "Work may have turned into a grind, or the drive for perfection is leaving you stuck on tiny "
                "details. Alternatively, shortcuts are creeping in. Reconnect with why the skill matters to "
                "you, and set a standard that is high but humane."
            ),
            "uk": (
                "Робота, можливо, перетворилася на рутину, або прагнення досконалості змушує застрягати на "
                "дрібницях. А може, навпаки, з'являється спокуса робити абияк. Згадайте, чому ця справа для "
                "вас важлива, і встановіть планку високу, але людяну."
            ),
        },
    ),
    Card(
        id="pentacles-nine",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=9,
        element=Element.EARTH,
        name={"en": "Nine of Pentacles", "uk": "Дев'ятка Пентаклів"},
        upright_keywords={
            "en": ("independence", "comfort", "self-sufficiency", "enjoying rewards"),
            "uk": ("незалежність", "затишок", "самодостатність", "насолода здобутим"),
        },
        reversed_keywords={
            "en": ("overworking", "dependence", "superficial success"),
            "uk": ("перепрацювання", "залежність", "показний успіх"),
        },
        upright_meaning={
            "en": (
                "You have built a life with your own hands, and it is fine to enjoy it. This card speaks of "
                "comfort, self-reliance and a quiet pride in what discipline has produced. Take time to "
                "savour what you have, alone or in good company."
            ),
            "uk": (
                "Ви збудували своє життя власними руками, і цілком нормально цим тішитися. Ця карта говорить "
                "про затишок, самостійність і тиху гордість за те, чого досягли завдяки дисципліні. Знайдіть "
                "час насолодитися тим, що маєте, — на самоті чи в добрій компанії."
            ),
        },
        reversed_meaning={
            "en": (
                "Comfort may be resting on shaky ground, or you might be working so hard that there is no "
                "time to enjoy the results. Ask whether your independence is genuine or only for show. Real "
                "security includes rest and people who care."
            ),
            "uk": (
                "Затишок, можливо, тримається на хиткому ґрунті, або ви працюєте так багато, що не лишається "
                "часу втішатися результатом. Запитайте себе, чи ваша незалежність справжня, чи лише показна. "
                "Справжня безпека — це також відпочинок і люди, яким ви небайдужі."
            ),
        },
    ),
    Card(
        id="pentacles-ten",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=10,
        element=Element.EARTH,
        name={"en": "Ten of Pentacles", "uk": "Десятка Пентаклів"},
        upright_keywords={
            "en": ("legacy", "family", "long-term security", "belonging"),
            "uk": ("спадщина", "родина", "довготривала стабільність", "приналежність"),
        },
        reversed_keywords={
            "en": ("family tension", "money worries", "fragile foundations"),
            "uk": ("родинні негаразди", "грошові турботи", "хиткі підвалини"),
        },
        upright_meaning={
            "en": (
                "This card looks at what lasts: family ties, a home, shared values and resources passed "
                "between generations. It suggests lasting stability and a sense of belonging. Think about "
                "what you want to build that will still matter years from now."
            ),
            "uk": (
                "Ця карта про те, що залишається надовго: родинні зв'язки, дім, спільні цінності та "
                "надбання, що переходять від покоління до покоління. Вона вказує на тривку стабільність і "
                "відчуття приналежності. Подумайте, що ви хочете збудувати такого, що матиме значення й "
                "через багато років."
            ),
        },
        reversed_meaning={
            "en": (
                "Tension around family, inheritance or shared money may be surfacing. Old expectations might "
                "feel heavy, or long-term plans look less secure than they seemed. Open, respectful "
                "conversations and a fresh look at what really matters can strengthen the foundations."
            ),
            "uk": (
                "Може виринути напруга навколо родини, спадку чи спільних грошей. Давні очікування, можливо, "
                "тиснуть, а довгострокові плани виглядають менш надійними, ніж раніше. Відверта, шаноблива "
                "розмова й свіжий погляд на справді важливе здатні зміцнити підвалини."
            ),
        },
    ),
    Card(
        id="pentacles-page",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=11,
        element=Element.EARTH,
        name={"en": "Page of Pentacles", "uk": "Паж Пентаклів"},
        upright_keywords={
            "en": ("new skill", "studiousness", "practical ambition", "opportunity"),
            "uk": ("нова навичка", "старанність у навчанні", "практичні прагнення", "нагода"),
        },
        reversed_keywords={
            "en": ("procrastination", "lack of follow-through", "daydreaming"),
            "uk": ("зволікання", "незавершеність", "мрії без дій"),
        },
        upright_meaning={
            "en": (
                "A grounded beginner's energy is here, eager to learn something useful and see it through. "
                "It may point to a course, an apprenticeship or a small venture. Take concrete steps, ask "
                "practical questions, and let steady curiosity turn a plan into something real."
            ),
            "uk": (
                "Тут відчувається енергія уважного новачка, який прагне навчитися чогось корисного й довести "
                "справу до кінця. Це може бути курс, навчання в майстра чи невелика власна справа. Робіть "
                "конкретні кроки, ставте практичні запитання, і наполеглива допитливість перетворить задум "
                "на щось реальне."
            ),
        },
        reversed_meaning={
            "en": (
                "Good intentions are not yet becoming action. You may be planning endlessly, putting things "
                "off, or losing interest before the results arrive. Choose one small, doable step and take "
                "it this week."
            ),
            "uk": (
                "Добрі наміри ще не перетворюються на дії. Можливо, ви безкінечно плануєте, відкладаєте на "
                "потім або втрачаєте інтерес, перш ніж з'являться результати. Оберіть один невеликий, "
                "посильний крок і зробіть його вже цього тижня."
            ),
        },
    ),
    Card(
        id="pentacles-knight",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=12,
        element=Element.EARTH,
        name={"en": "Knight of Pentacles", "uk": "Лицар Пентаклів"},
        upright_keywords={
            "en": ("reliability", "hard work", "routine", "persistence"),
            "uk": ("надійність", "працелюбність", "розпорядок", "наполегливість"),
        },
        reversed_keywords={
            "en": ("stagnation", "stubbornness", "boredom"),
            "uk": ("застій", "упертість", "нудьга"),
        },
        upright_meaning={
            "en": (
                "Slow and steady really does win here. This knight shows up every day, keeps promises and "
                "finishes what he starts. Trust methodical effort and dependable routines; they may not be "
                "exciting, but they quietly build results you can rely on."
            ),
            "uk": (
                "Тут справді перемагає той, хто йде повільно, але впевнено. Цей лицар з'являється щодня, "
                "дотримується обіцянок і завершує розпочате. Довіряйте методичній праці та надійному "
                "розпорядку: вони, можливо, не захоплюють, але тихо дають результати, на які можна "
                "покластися."
            ),
        },
        reversed_meaning={
            "en": (
                "Steadiness may have hardened into stubbornness or a routine that no longer serves you. "
                "Progress stalls when nothing is allowed to change. Shake up one habit, or ask whether "
                "caution is protecting you or simply keeping you stuck."
            ),
            "uk": (
                "Сталість, можливо, переросла в упертість або в розпорядок, який вам уже не служить. Поступ "
                "зупиняється, коли нічому не дозволено змінюватися. Змініть одну звичку або запитайте себе, "
                "чи обережність вас захищає, чи просто тримає на місці."
            ),
        },
    ),
    Card(
        id="pentacles-queen",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=13,
        element=Element.EARTH,
        name={"en": "Queen of Pentacles", "uk": "Королева Пентаклів"},
        upright_keywords={
            "en": ("nurturing", "practicality", "abundance", "warmth"),
            "uk": ("турботливість", "практичність", "достаток", "тепло"),
        },
        reversed_keywords={
            "en": ("self-neglect", "smothering", "work-life imbalance"),
            "uk": ("нехтування собою", "надмірна опіка", "дисбаланс між роботою й життям"),
        },
        upright_meaning={
            "en": (
                "Care becomes practical with this queen: a warm meal, a tidy budget, a home where people "
                "feel welcome. She combines generosity with common sense. Look after your body, your space "
                "and your resources, and let that grounded care reach the people around you."
            ),
            "uk": (
                "З цією королевою турбота стає практичною: теплий обід, продуманий бюджет, дім, де людям "
                "затишно. Вона поєднує щедрість зі здоровим глуздом. Подбайте про своє тіло, простір і "
                "ресурси, і нехай ця приземлена турбота торкнеться людей довкола."
            ),
        },
        reversed_meaning={
            "en": (
                "You may be looking after everyone except yourself, or care is sliding into control. Work or "
                "household duties might be crowding out rest. Redirect some of that nurturing inward, and "
                "let others take their share of responsibility."
            ),
            "uk": (
                "Можливо, ви дбаєте про всіх, крім себе, або турбота переходить у контроль. Робота чи "
                "домашні обов'язки можуть витісняти відпочинок. Спрямуйте частину цієї турботи на себе й "
                "дозвольте іншим узяти свою частку відповідальності."
            ),
        },
    ),
    Card(
        id="pentacles-king",
        arcana=Arcana.MINOR,
        suit=Suit.PENTACLES,
        rank=14,
        element=Element.EARTH,
        name={"en": "King of Pentacles", "uk": "Король Пентаклів"},
        upright_keywords={
            "en": ("abundance", "security", "leadership", "discipline"),
            "uk": ("достаток", "надійність", "лідерство", "дисципліна"),
        },
        reversed_keywords={
            "en": ("materialism", "stubbornness", "control through money"),
            "uk": ("матеріалізм", "упертість", "контроль через гроші"),
        },
        upright_meaning={
            "en": (
                "This card shows mature success built through discipline and sound judgement. It speaks of "
                "someone who provides, protects and knows how to make resources grow. Lead by example, stay "
                "generous, and let your stability become a foundation others can stand on."
            ),
            "uk": (
                "Ця карта показує зрілий успіх, здобутий дисципліною та розважливістю. Вона говорить про "
                "людину, яка забезпечує, захищає й уміє примножувати ресурси. Подавайте приклад, залишайтеся "
                "щедрими, і нехай ваша стабільність стане опорою для інших."
            ),
        },
        reversed_meaning={
            "en": (
                "Success may be measured only in possessions, or money is being used to control others. "
                "Stubborn attachment to status can make it hard to adapt. Remember that true wealth includes "
                "relationships, health and time, not just the balance sheet."
            ),
            "uk": (
                "Успіх, можливо, вимірюється лише майном, або гроші стали засобом контролю над іншими. "
                "Уперта прив'язаність до статусу заважає пристосовуватися. Пам'ятайте, що справжнє багатство "
                "— це також стосунки, здоров'я й час, а не лише цифри на рахунку."
            ),
        },
    ),
)
