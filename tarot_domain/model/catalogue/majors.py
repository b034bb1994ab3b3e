"""The 22 major arcana, 0 The Fool to 21 The World, in Rider–Waite order."""

from tarot_domain.model.cards import Arcana, Card, Element

CARDS: tuple[Card, ...] = (
    Card(
        id="major-00-fool",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=0,
        element=Element.AIR,
        name={"en": "The Fool", "uk": "Блазень"},
        upright_keywords={
            "en": ("new beginnings", "spontaneity", "trust", "open mind"),
            "uk": ("нові початки", "спонтанність", "довіра", "відкритість"),
        },
        reversed_keywords={
            "en": ("recklessness", "hesitation", "naivety", "poor timing"),
            "uk": ("безрозсудність", "вагання", "наївність", "невчасність"),
        },
        upright_meaning={
            "en": (
                "A fresh chapter is opening, and you don't need every answer before you take the first step. "
                "The Fool invites curiosity, lightness and trust in the road itself. Travel light, stay open "
                "to surprises and let yourself be a beginner again."
            ),
            "uk": (
                "Відкривається новий розділ, і не обов'язково знати всі відповіді, щоб зробити перший крок. "
                "Блазень кличе до цікавості, легкості й довіри до самої дороги. Вирушайте налегке, лишайтеся "
                "відкритими до несподіванок і дозвольте собі знову бути початківцем."
            ),
        },
        reversed_meaning={
            "en": (
                "The urge to leap may be running ahead of your judgement, or fear may be keeping you frozen "
                "at the edge. Look honestly at what you are ignoring or avoiding. A little preparation can "
                "turn a careless jump into a brave, well-timed start."
            ),
            "uk": (
                "Можливо, бажання стрибнути випереджає здоровий глузд, або ж страх тримає вас на самому "
                "краю. Чесно погляньте, що ви ігноруєте чи від чого ухиляєтеся. Трохи підготовки — і "
                "необачний стрибок може стати сміливим і вчасним початком."
            ),
        },
    ),
    Card(
        id="major-01-magician",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=1,
        element=Element.AIR,
        name={"en": "The Magician", "uk": "Маг"},
        upright_keywords={
            "en": ("willpower", "skill", "focus", "resourcefulness"),
            "uk": ("сила волі", "майстерність", "зосередженість", "винахідливість"),
        },
        reversed_keywords={
            "en": ("scattered energy", "manipulation", "untapped talent", "self-doubt"),
            "uk": ("розпорошена енергія", "маніпуляція", "нереалізований талант", "невпевненість у собі"),
        },
        upright_meaning={
            "en": (
                "You already hold the tools you need; the task now is to use them with intention. The "
                "Magician points to a moment when clear focus turns ideas into something real. Name what you "
                "want, gather your resources and act with confidence."
            ),
            "uk": (
                "Усі потрібні інструменти вже у ваших руках — тепер важливо застосувати їх свідомо. Маг "
                "вказує на мить, коли ясна зосередженість перетворює задуми на щось відчутне. Назвіть, чого "
                "прагнете, зберіть свої ресурси й дійте впевнено."
            ),
        },
        reversed_meaning={
            "en": (
                "Energy may be leaking in too many directions, or talent may be going unused out of doubt. "
                "This card can also warn of clever words that hide real intentions, yours or someone else's. "
                "Gather yourself, check your motives and pick one thing to do well."
            ),
            "uk": (
                "Можливо, енергія розпорошується на надто багато напрямків, а талант лишається без діла "
                "через сумніви. Карта також може застерігати від гарних слів, за якими ховаються справжні "
                "наміри — ваші чи чужі. Зберіться, перевірте свої мотиви й оберіть одну справу, яку варто "
                "зробити добре."
            ),
        },
    ),
    Card(
        id="major-02-high-priestess",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=2,
        element=Element.WATER,
        name={"en": "The High Priestess", "uk": "Верховна Жриця"},
        upright_keywords={
            "en": ("intuition", "inner knowing", "stillness", "mystery"),
            "uk": ("інтуїція", "внутрішнє знання", "тиша", "таємниця"),
        },
        reversed_keywords={
            "en": ("ignored intuition", "secrets", "disconnection", "surface noise"),
            "uk": ("знехтувана інтуїція", "секрети", "відірваність від себе", "зовнішній шум"),
        },
        upright_meaning={
            "en": (
                "Not everything can be figured out by reasoning alone. The High Priestess asks you to slow "
                "down, listen to quiet signals and trust what you sense beneath the surface. Some answers "
                "arrive only when you stop chasing them and let them rise on their own."
            ),
            "uk": (
                "Не все можна збагнути самим лише розумом. Верховна Жриця просить сповільнитися, "
                "прислухатися до тихих сигналів і довіряти тому, що ви відчуваєте під поверхнею. Деякі "
                "відповіді приходять лише тоді, коли ви перестаєте за ними гнатися й даєте їм з'явитися "
                "самим."
            ),
        },
        reversed_meaning={
            "en": (
                "Outside opinions and constant noise may be drowning out your inner voice. Something may "
                "also be hidden, either from you or by you. Make room for quiet, notice what your gut keeps "
                "repeating and be honest about what you already know."
            ),
            "uk": (
                "Чужі думки й постійний шум можуть заглушати ваш внутрішній голос. Можливо, щось також "
                "лишається прихованим — від вас або вами. Знайдіть час для тиші, помітьте, що раз у раз "
                "підказує вам чуття, і чесно визнайте те, що вже знаєте."
            ),
        },
    ),
    Card(
        id="major-03-empress",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=3,
        element=Element.EARTH,
        name={"en": "The Empress", "uk": "Імператриця"},
        upright_keywords={
            "en": ("abundance", "nurturing", "creativity", "sensuality", "growth"),
            "uk": ("достаток", "турбота", "творчість", "чуттєвість", "зростання"),
        },
        reversed_keywords={
            "en": ("creative block", "self-neglect", "smothering", "dependence"),
            "uk": ("творчий застій", "нехтування собою", "надмірна опіка", "залежність"),
        },
        upright_meaning={
            "en": (
                "This is a fertile season for projects, relationships and self-care. The Empress encourages "
                "you to nourish what matters, enjoy the senses and let things grow at their natural pace. "
                "Generosity toward yourself and others tends to come back multiplied."
            ),
            "uk": (
                "Це родюча пора для задумів, стосунків і турботи про себе. Імператриця заохочує плекати те, "
                "що для вас важливе, тішитися простими насолодами й давати всьому рости у своєму темпі. "
                "Щедрість до себе та інших зазвичай повертається сторицею."
            ),
        },
        reversed_meaning={
            "en": (
                "You may be giving so much care to others that little is left for you, or holding on so "
                "tightly that nothing can breathe. Creativity can feel blocked when rest is missing. Refill "
                "your own cup and allow others, and yourself, some room to grow."
            ),
            "uk": (
                "Можливо, ви віддаєте іншим стільки турботи, що для себе майже нічого не лишається, або "
                "тримаєте так міцно, що нікому не вистачає повітря. Творчість може застигнути, коли бракує "
                "відпочинку. Наповніть власну чашу й дайте іншим — і собі — простір для зростання."
            ),
        },
    ),
    Card(
        id="major-04-emperor",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=4,
        element=Element.FIRE,
        name={"en": "The Emperor", "uk": "Імператор"},
        upright_keywords={
            "en": ("structure", "authority", "stability", "leadership"),
            "uk": ("структура", "авторитет", "стабільність", "лідерство"),
        },
        reversed_keywords={
            "en": ("rigidity", "control", "domination", "lack of discipline"),
            "uk": ("негнучкість", "контроль", "владність", "брак дисципліни"),
        },
        upright_meaning={
            "en": (
                "Clear structure and steady leadership are what the situation asks for. The Emperor suggests "
                "setting boundaries, making a plan and taking responsibility for it. Reliable rules can "
                "protect what you care about and give others something solid to lean on."
            ),
            "uk": (
                "Ситуація потребує чіткої структури та впевненого лідерства. Імператор радить окреслити "
                "межі, скласти план і взяти за нього відповідальність. Надійні правила здатні захистити те, "
                "що вам дороге, і дати іншим міцну опору."
            ),
        },
        reversed_meaning={
            "en": (
                "Order may have turned into control, or the lack of any structure may be leaving things "
                "shaky. Watch for stubbornness, power struggles or rules kept only for their own sake. "
                "Firmness works best when it leaves space for listening."
            ),
            "uk": (
                "Можливо, порядок перетворився на контроль, або ж відсутність будь-якої структури робить усе "
                "хитким. Зверніть увагу на впертість, боротьбу за владу чи правила заради самих правил. "
                "Твердість найкраще працює тоді, коли лишає місце, щоб почути інших."
            ),
        },
    ),
    Card(
        id="major-05-hierophant",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=5,
        element=Element.EARTH,
        name={"en": "The Hierophant", "uk": "Ієрофант"},
        upright_keywords={
            "en": ("tradition", "guidance", "shared values", "learning"),
            "uk": ("традиція", "наставництво", "спільні цінності", "навчання"),
        },
        reversed_keywords={
            "en": ("dogma", "blind conformity", "rebellion", "questioning rules"),
            "uk": ("догматизм", "сліпе підкорення", "бунт", "сумнів у правилах"),
        },
        upright_meaning={
            "en": (
                "There is wisdom in tried paths, trusted teachers and communities that share your values. "
                "The Hierophant suggests learning from those who came before, or stepping into the role of "
                "mentor yourself. Rituals and commitments can give your life a steady backbone."
            ),
            "uk": (
                "У перевірених шляхах, надійних наставниках і спільнотах зі схожими цінностями є своя "
                "мудрість. Ієрофант радить повчитися в тих, хто йшов цим шляхом раніше, або самим стати "
                "наставником. Ритуали й зобов'язання можуть дати життю надійний стрижень."
            ),
        },
        reversed_meaning={
            "en": (
                "Inherited rules may no longer fit who you are becoming. This card can point to blind "
                "conformity on one side or rebellion for its own sake on the other. Keep what still feels "
                "true, question the rest and find your own way to believe."
            ),
            "uk": (
                "Успадковані правила, можливо, вже не пасують тому, ким ви стаєте. Карта може вказувати як "
                "на сліпе підкорення, так і на бунт заради бунту. Збережіть те, що досі відгукується, "
                "поставте під сумнів решту й знайдіть власний шлях до віри."
            ),
        },
    ),
    Card(
        id="major-06-lovers",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=6,
        element=Element.AIR,
        name={"en": "The Lovers", "uk": "Закохані"},
        upright_keywords={
            "en": ("love", "connection", "meaningful choice", "alignment"),
            "uk": ("кохання", "близькість", "важливий вибір", "внутрішня узгодженість"),
        },
        reversed_keywords={
            "en": ("disharmony", "clashing values", "indecision", "temptation"),
            "uk": ("розлад", "розбіжність цінностей", "нерішучість", "спокуса"),
        },
        upright_meaning={
            "en": (
                "A meaningful bond or an important choice is at the heart of this moment. The Lovers speak "
                "of connection built on honesty and of decisions that match your deepest values. Choose with "
                "your whole heart, knowing what you are saying yes to."
            ),
            "uk": (
                "У центрі цієї миті — глибокий зв'язок або важливий вибір. Закохані говорять про близькість, "
                "що тримається на щирості, і про рішення, які відповідають вашим найглибшим цінностям. "
                "Обирайте всім серцем, розуміючи, на що саме погоджуєтеся."
            ),
        },
        reversed_meaning={
            "en": (
                "Something feels out of tune, whether in a relationship or between what you want and what "
                "you do. You may be avoiding a decision or drifting toward an easy temptation. Honest "
                "conversation, with others and with yourself, can restore balance."
            ),
            "uk": (
                "Щось звучить не в лад — у стосунках чи між тим, чого ви прагнете, і тим, що робите. "
                "Можливо, ви уникаєте рішення або піддаєтеся легкій спокусі. Щира розмова — з іншими й із "
                "собою — може повернути рівновагу."
            ),
        },
    ),
    Card(
        id="major-07-chariot",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=7,
        element=Element.WATER,
        name={"en": "The Chariot", "uk": "Колісниця"},
        upright_keywords={
            "en": ("determination", "momentum", "self-control", "victory"),
            "uk": ("рішучість", "рух уперед", "самовладання", "перемога"),
        },
        reversed_keywords={
            "en": ("loss of direction", "scattered will", "aggression", "stalling"),
            "uk": ("втрата напрямку", "розпорошена воля", "агресивність", "пробуксовування"),
        },
        upright_meaning={
            "en": (
                "Progress comes from holding opposing forces together and steering them in one direction. "
                "The Chariot encourages focus, discipline and confidence in your chosen course. Obstacles "
                "are real, but steady will and a clear goal can carry you through."
            ),
            "uk": (
                "Поступ народжується тоді, коли вдається втримати протилежні сили разом і спрямувати їх в "
                "один бік. Колісниця заохочує до зосередженості, дисципліни та впевненості в обраному курсі. "
                "Перешкоди справжні, проте наполегливість і ясна мета допоможуть їх подолати."
            ),
        },
        reversed_meaning={
            "en": (
                "You may feel pulled in several directions at once, or be pushing so hard that control slips "
                "into force. Momentum can stall when the goal is unclear. Pause, decide where you really "
                "want to go, then gather the reins again."
            ),
            "uk": (
                "Можливо, вас тягне в кілька боків одночасно, або ви тиснете так сильно, що контроль "
                "переростає в натиск. Рух може загальмувати, коли мета розмита. Зупиніться, вирішіть, куди "
                "насправді прагнете, і знову візьміть віжки в руки."
            ),
        },
    ),
    Card(
        id="major-08-strength",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=8,
        element=Element.FIRE,
        name={"en": "Strength", "uk": "Сила"},
        upright_keywords={
            "en": ("courage", "patience", "compassion", "inner strength"),
            "uk": ("мужність", "терпіння", "співчуття", "внутрішня сила"),
        },
        reversed_keywords={
            "en": ("self-doubt", "impatience", "unruly emotions", "exhaustion"),
            "uk": ("невпевненість", "нетерплячість", "неприборкані емоції", "виснаження"),
        },
        upright_meaning={
            "en": (
                "True strength here is gentle rather than forceful. This card praises the patience and "
                "warmth that can calm fear, anger or wild impulses, whether your own or someone else's. "
                "Quiet confidence and kindness will take you further than pressure."
            ),
            "uk": (
                "Справжня сила тут — лагідна, а не груба. Ця карта вшановує терпіння й теплоту, що здатні "
                "вгамувати страх, гнів чи дикі пориви — ваші власні або чужі. Тиха впевненість і доброта "
                "заведуть вас далі, ніж тиск."
            ),
        },
        reversed_meaning={
            "en": (
                "Doubt may be eroding your confidence, or emotions may be taking the wheel. You might also "
                "be exhausted from trying to hold everything together alone. Be kind to yourself, rebuild "
                "slowly and remember that softness and courage can live together."
            ),
            "uk": (
                "Можливо, сумніви підточують вашу впевненість, або емоції перебирають кермо на себе. А може, "
                "ви просто виснажилися, намагаючись самотужки все втримати. Будьте до себе лагідні, "
                "відновлюйтеся поступово й пам'ятайте: м'якість і мужність цілком можуть співіснувати."
            ),
        },
    ),
    Card(
        id="major-09-hermit",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=9,
        element=Element.EARTH,
        name={"en": "The Hermit", "uk": "Відлюдник"},
        upright_keywords={
            "en": ("introspection", "solitude", "wisdom", "inner guidance"),
            "uk": ("самозаглиблення", "усамітнення", "мудрість", "внутрішній орієнтир"),
        },
        reversed_keywords={
            "en": ("isolation", "loneliness", "withdrawal", "avoiding reflection"),
            "uk": ("ізоляція", "самотність", "замкненість", "уникання роздумів"),
        },
        upright_meaning={
            "en": (
                "A step back from the noise could bring the clarity you are looking for. The Hermit invites "
                "quiet reflection, time alone and a search for answers that only you can find. What you "
                "learn in solitude may later light the way for others too."
            ),
            "uk": (
                "Крок убік від метушні може принести ясність, якої ви шукаєте. Відлюдник запрошує до тихих "
                "роздумів, часу наодинці з собою та пошуку відповідей, які можете знайти лише ви. Те, що ви "
                "збагнете на самоті, згодом може освітити шлях і для інших."
            ),
        },
        reversed_meaning={
            "en": (
                "Healthy solitude may have slipped into isolation, or you may be so busy that reflection "
                "never happens. Notice whether you are hiding from people or from your own thoughts. Reach "
                "out to someone, or give yourself a real pause."
            ),
            "uk": (
                "Можливо, корисне усамітнення перетворилося на ізоляцію, або ж ви настільки зайняті, що на "
                "роздуми просто не лишається часу. Помітьте, від чого ховаєтеся — від людей чи від власних "
                "думок. Зверніться до когось близького або подаруйте собі справжню паузу."
            ),
        },
    ),
    Card(
        id="major-10-wheel-of-fortune",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=10,
        element=Element.FIRE,
        name={"en": "Wheel of Fortune", "uk": "Колесо Фортуни"},
        upright_keywords={
            "en": ("cycles", "change", "turning point", "luck"),
            "uk": ("цикли", "зміни", "поворотний момент", "удача"),
        },
        reversed_keywords={
            "en": ("resistance to change", "setbacks", "feeling stuck", "repeating patterns"),
            "uk": ("опір змінам", "невдачі", "відчуття застою", "повторювані сценарії"),
        },
        upright_meaning={
            "en": (
                "Life is turning, and circumstances may shift faster than expected. The Wheel reminds you "
                "that every phase passes and that timing matters. Stay flexible, notice the openings that "
                "appear and work with the change instead of fighting it."
            ),
            "uk": (
                "Життя робить оберт, і обставини можуть змінитися швидше, ніж очікувалося. Колесо Фортуни "
                "нагадує, що кожен етап минає і що слушний час має значення. Лишайтеся гнучкими, помічайте "
                "нові можливості й співпрацюйте зі змінами, а не боріться з ними."
            ),
        },
        reversed_meaning={
            "en": (
                "A downturn or a delay may feel frustrating, or you may notice the same situation repeating "
                "itself. Pushing against the current rarely helps. Look at which patterns are yours to "
                "change, and trust that this phase, too, will turn."
            ),
            "uk": (
                "Спад чи затримка можуть засмучувати, або ж ви помічаєте, що та сама ситуація повторюється "
                "знову. Плисти проти течії рідко допомагає. Подивіться, які сценарії у вашій владі змінити, "
                "і довіртеся тому, що й цей етап мине."
            ),
        },
    ),
    Card(
        id="major-11-justice",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=11,
        element=Element.AIR,
        name={"en": "Justice", "uk": "Справедливість"},
        upright_keywords={
            "en": ("fairness", "truth", "accountability", "balance"),
            "uk": ("справедливість", "правда", "відповідальність", "рівновага"),
        },
        reversed_keywords={
            "en": ("unfairness", "bias", "avoiding responsibility", "dishonesty"),
            "uk": ("несправедливість", "упередженість", "ухиляння від відповідальності", "нечесність"),
        },
        upright_meaning={
            "en": (
                "Clear thinking and honesty are needed to weigh this situation fairly. Justice reminds you "
                "that actions have consequences and that owning your part brings peace. Make decisions you "
                "can stand behind, looking at the facts rather than the pressure of the moment."
            ),
            "uk": (
                "Щоб неупереджено оцінити ситуацію, потрібні ясна думка й чесність. Справедливість нагадує, "
                "що вчинки мають наслідки, а визнання своєї частки відповідальності приносить спокій. "
                "Ухвалюйте рішення, за які зможете відповісти, спираючись на факти, а не на тиск моменту."
            ),
        },
        reversed_meaning={
            "en": (
                "Something may feel unfair, or you may be tempted to bend the truth to avoid consequences. "
                "Bias, your own included, can cloud judgement. Look at the situation from every side, and "
                "take responsibility for what is genuinely yours."
            ),
            "uk": (
                "Щось може здаватися несправедливим, або ж виникає спокуса трохи прикрасити правду, щоб "
                "уникнути наслідків. Упередженість, зокрема й ваша власна, здатна затьмарити судження. "
                "Погляньте на ситуацію з усіх боків і візьміть на себе відповідальність за те, що справді "
                "ваше."
            ),
        },
    ),
    Card(
        id="major-12-hanged-man",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=12,
        element=Element.WATER,
        name={"en": "The Hanged Man", "uk": "Повішений"},
        upright_keywords={
            "en": ("pause", "surrender", "new perspective", "letting go"),
            "uk": ("пауза", "прийняття", "новий погляд", "відпускання"),
        },
        reversed_keywords={
            "en": ("stalling", "resistance", "needless sacrifice", "martyrdom"),
            "uk": ("зволікання", "опір", "марна жертва", "жертовність напоказ"),
        },
        upright_meaning={
            "en": (
                "Progress may come from stopping rather than pushing. The Hanged Man asks you to pause, "
                "loosen your grip and look at things from an unusual angle. A delay that feels frustrating "
                "can become the moment when a new understanding finally arrives."
            ),
            "uk": (
                "Поступ може прийти не від натиску, а від зупинки. Повішений просить зробити паузу, "
                "послабити хватку й поглянути на речі під незвичним кутом. Затримка, що дратує, може стати "
                "саме тією миттю, коли нарешті приходить нове розуміння."
            ),
        },
        reversed_meaning={
            "en": (
                "You may be waiting without purpose, or sacrificing more than the situation really asks. "
                "Resisting a necessary pause can keep you stuck longer. Ask yourself what you are holding on "
                "to, and whether letting it go would set you free."
            ),
            "uk": (
                "Можливо, ви чекаєте без жодної мети або жертвуєте більшим, ніж насправді вимагає ситуація. "
                "Опір необхідній паузі може лише подовжити застій. Запитайте себе, за що ви тримаєтеся і чи "
                "не стане вам вільніше, якщо це відпустити."
            ),
        },
    ),
    Card(
        id="major-13-death",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=13,
        element=Element.WATER,
        name={"en": "Death", "uk": "Смерть"},
        upright_keywords={
            "en": ("endings", "transformation", "transition", "release"),
            "uk": ("завершення", "трансформація", "перехід", "звільнення"),
        },
        reversed_keywords={
            "en": ("clinging to the past", "stagnation", "fear of endings", "delayed transition"),
            "uk": ("чіпляння за минуле", "застій", "страх завершень", "затягнутий перехід"),
        },
        upright_meaning={
            "en": (
                "This card rarely speaks of physical death; it marks the close of a chapter. Something has "
                "run its course, and clearing it away makes room for what comes next. Honour the ending, "
                "grieve if you need to, and let transformation do its work."
            ),
            "uk": (
                "Ця карта рідко говорить про фізичну смерть — вона позначає завершення певного етапу. Щось "
                "вичерпало себе, і, відпустивши це, ви звільняєте місце для нового. Вшануйте завершення, "
                "дозвольте собі посумувати, якщо треба, і дайте перетворенню відбутися."
            ),
        },
        reversed_meaning={
            "en": (
                "Holding on to what has already ended may be keeping you in limbo. Fear of the unknown is "
                "natural, yet refusing change tends to prolong discomfort. Consider what you are ready to "
                "release, even in small steps."
            ),
            "uk": (
                "Можливо, ви тримаєтеся за те, що вже скінчилося, і через це застрягли між минулим і "
                "майбутнім. Страх перед невідомим природний, проте відмова від змін зазвичай лише подовжує "
                "дискомфорт. Подумайте, що ви готові відпустити, — хай навіть маленькими кроками."
            ),
        },
    ),
    Card(
        id="major-14-temperance",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=14,
        element=Element.FIRE,
        name={"en": "Temperance", "uk": "Помірність"},
        upright_keywords={
            "en": ("balance", "moderation", "blending", "healing", "calm"),
            "uk": ("баланс", "поміркованість", "поєднання", "зцілення", "спокій"),
        },
        reversed_keywords={
            "en": ("excess", "imbalance", "haste", "inner conflict"),
            "uk": ("надмірність", "розбалансованість", "поспіх", "внутрішній конфлікт"),
        },
        upright_meaning={
            "en": (
                "Blending different elements with patience creates something better than either alone. "
                "Temperance favours the middle path, steady pacing and a calm approach to healing. Small, "
                "consistent adjustments will serve you better than dramatic swings."
            ),
            "uk": (
                "Терпляче поєднання різних складників дає щось краще, ніж кожен із них окремо. Помірність "
                "обирає золоту середину, рівний темп і спокійний шлях до зцілення. Невеликі, але послідовні "
                "зміни прислужаться вам краще, ніж різкі кидання з однієї крайності в іншу."
            ),
        },
        reversed_meaning={
            "en": (
                "Life may feel lopsided, with too much of one thing and too little of another. Impatience or "
                "extremes could be undoing your progress. Look for where you can ease off, where you can add "
                "care, and give the mix time to settle."
            ),
            "uk": (
                "Життя може здаватися перекошеним: чогось забагато, а чогось бракує. Нетерплячість чи "
                "крайнощі здатні звести нанівець ваші здобутки. Пошукайте, де можна пригальмувати, а де — "
                "додати турботи, і дайте всьому час устоятися."
            ),
        },
    ),
    Card(
        id="major-15-devil",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=15,
        element=Element.EARTH,
        name={"en": "The Devil", "uk": "Диявол"},
        upright_keywords={
            "en": ("attachment", "unhealthy habits", "materialism", "shadow self", "restriction"),
            "uk": ("прив'язаність", "шкідливі звички", "матеріалізм", "тіньова сторона", "обмеження"),
        },
        reversed_keywords={
            "en": ("breaking free", "awareness", "reclaiming power", "detachment"),
            "uk": ("розрив пут", "усвідомлення", "повернення власної сили", "відсторонення"),
        },
        upright_meaning={
            "en": (
                "Something may be holding you more tightly than you realise, whether a habit, a relationship "
                "or a fear. The Devil shows where desire has turned into dependence. Naming the chain is the "
                "first step, and often it is looser than it looks."
            ),
            "uk": (
                "Щось може тримати вас міцніше, ніж здається, — звичка, стосунки чи страх. Диявол показує, "
                "де бажання переросло в залежність. Назвати свої кайдани — перший крок, і нерідко вони "
                "тримають слабше, ніж видається на перший погляд."
            ),
        },
        reversed_meaning={
            "en": (
                "You may be starting to see a limiting pattern clearly and to loosen its hold. This is a "
                "moment to reclaim choices you handed over to habit or fear. Change may come gradually, and "
                "support from others can make it easier."
            ),
            "uk": (
                "Можливо, ви вже чітко бачите обмежувальний сценарій і потроху послаблюєте його владу. "
                "Настав час повернути собі вибір, який ви віддали звичці чи страху. Зміни можуть відбуватися "
                "поступово, а підтримка інших здатна їх полегшити."
            ),
        },
    ),
    Card(
        id="major-16-tower",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=16,
        element=Element.FIRE,
        name={"en": "The Tower", "uk": "Вежа"},
        upright_keywords={
            "en": ("sudden change", "upheaval", "revelation", "breakthrough"),
            "uk": ("раптові зміни", "потрясіння", "одкровення", "прорив"),
        },
        reversed_keywords={
            "en": ("delayed collapse", "fear of upheaval", "inner shake-up", "narrow escape"),
            "uk": ("відкладений крах", "страх потрясінь", "внутрішній злам", "відвернена біда"),
        },
        upright_meaning={
            "en": (
                "A sudden shake-up may expose what was built on weak foundations. The Tower can feel "
                "unsettling, but it clears away illusions and makes honest rebuilding possible. Stay "
                "grounded, focus on what is essential and trust that clarity often follows the storm."
            ),
            "uk": (
                "Раптове потрясіння може показати, що було збудовано на хиткому ґрунті. Вежа здатна вибити з "
                "колії, але вона розвіює ілюзії й дає змогу чесно відбудувати все заново. Тримайтеся за "
                "головне й довіряйте тому, що після бурі часто настає ясність."
            ),
        },
        reversed_meaning={
            "en": (
                "You may be postponing an inevitable change, or going through an upheaval that is mostly "
                "internal. Bracing against the collapse can be more tiring than letting it happen. Ask which "
                "structures no longer hold, and gently loosen your grip on them."
            ),
            "uk": (
                "Можливо, ви відкладаєте неминучі зміни або переживаєте потрясіння, що відбувається "
                "переважно всередині. Опиратися руйнуванню іноді виснажливіше, ніж дозволити йому статися. "
                "Запитайте себе, які опори вже не тримають, і обережно відпустіть їх."
            ),
        },
    ),
    Card(
        id="major-17-star",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=17,
        element=Element.AIR,
        name={"en": "The Star", "uk": "Зірка"},
        upright_keywords={
            "en": ("hope", "renewal", "inspiration", "serenity"),
            "uk": ("надія", "оновлення", "натхнення", "умиротворення"),
        },
        reversed_keywords={
            "en": ("discouragement", "disappointment", "pessimism", "lack of inspiration"),
            "uk": ("зневіра", "розчарування", "песимізм", "брак натхнення"),
        },
        upright_meaning={
            "en": (
                "After a difficult stretch, a quiet sense of hope returns. The Star encourages healing, "
                "honesty with yourself and trust that things can get better. Let yourself rest, dream a "
                "little and follow the small signs that point you toward renewal."
            ),
            "uk": (
                "Після важкого періоду повертається тиха надія. Зірка заохочує до зцілення, чесності з собою "
                "та віри в те, що все може налагодитися. Дозвольте собі відпочити, трохи помріяти й ідіть за "
                "маленькими знаками, що ведуть до оновлення."
            ),
        },
        reversed_meaning={
            "en": (
                "Hope may feel distant right now, and it can be hard to believe in better days. "
                "Disappointment is real, yet it does not have to be the whole story. Reconnect with small "
                "sources of joy and meaning, and let support in."
            ),
            "uk": (
                "Зараз надія може здаватися далекою, і важко повірити в кращі дні. Розчарування справжнє, "
                "але воно не мусить бути всією історією. Поверніться до маленьких джерел радості й сенсу та "
                "дозвольте іншим вас підтримати."
            ),
        },
    ),
    Card(
        id="major-18-moon",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=18,
        element=Element.WATER,
        name={"en": "The Moon", "uk": "Місяць"},
        upright_keywords={
            "en": ("uncertainty", "imagination", "illusion", "subconscious", "dreams"),
            "uk": ("невизначеність", "уява", "ілюзія", "підсвідомість", "сни"),
        },
        reversed_keywords={
            "en": ("returning clarity", "easing fears", "confusion", "exposed deception"),
            "uk": ("повернення ясності", "подолані страхи", "розгубленість", "викритий обман"),
        },
        upright_meaning={
            "en": (
                "Things are not entirely what they seem, and the path ahead is only partly lit. The Moon "
                "points to strong feelings, vivid dreams and fears that may distort the picture. Move "
                "slowly, check your assumptions and let intuition guide you through the fog."
            ),
            "uk": (
                "Не все є таким, яким здається, а шлях попереду освітлений лише частково. Місяць вказує на "
                "сильні почуття, яскраві сни й страхи, що можуть спотворювати картину. Рухайтеся повільно, "
                "перевіряйте свої припущення й дозвольте інтуїції вести вас крізь туман."
            ),
        },
        reversed_meaning={
            "en": (
                "The fog may be starting to lift, revealing what fear or confusion had hidden. "
                "Misunderstandings can come to light and anxieties lose some of their power. Still, take "
                "time to separate facts from lingering worries before you act."
            ),
            "uk": (
                "Туман, можливо, починає розсіюватися, відкриваючи те, що приховували страх чи "
                "розгубленість. Непорозуміння можуть з'ясуватися, а тривоги — втратити частину своєї влади. "
                "Утім, перш ніж діяти, не поспішайте й відділіть факти від залишків хвилювань."
            ),
        },
    ),
    Card(
        id="major-19-sun",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=19,
        element=Element.FIRE,
        name={"en": "The Sun", "uk": "Сонце"},
        upright_keywords={
            "en": ("joy", "success", "vitality", "clarity", "warmth"),
            "uk": ("радість", "успіх", "життєва сила", "ясність", "тепло"),
        },
        reversed_keywords={
            "en": ("dimmed joy", "overconfidence", "delayed success", "forced positivity"),
            "uk": (
                "притлумлена радість",
                "надмірна самовпевненість",
                "відкладений успіх",
                "вимушений оптимізм",
            ),
        },
        upright_meaning={
            "en": (
                "Warmth, confidence and simple happiness shine through this card. Things are becoming clear, "
                "and your energy can flow freely into what you love. Share your light, celebrate what is "
                "going well and let yourself be seen as you are."
            ),
            "uk": (
                "Ця карта сяє теплом, упевненістю та простим щастям. Усе стає зрозумілішим, і ваша енергія "
                "може вільно спрямовуватися на те, що ви любите. Діліться своїм світлом, радійте тому, що "
                "вдається, і дозвольте іншим бачити вас такими, якими ви є."
            ),
        },
        reversed_meaning={
            "en": (
                "The light is still there, though clouds may be passing in front of it. Joy may feel muted, "
                "or optimism may be tipping into overconfidence. Reconnect with simple pleasures, keep "
                "expectations realistic and give good things time to return."
            ),
            "uk": (
                "Світло нікуди не зникло, хоча зараз його можуть затуляти хмари. Радість може здаватися "
                "приглушеною, а оптимізм — переходити в надмірну самовпевненість. Поверніться до простих "
                "радощів, тримайте очікування реалістичними й дайте доброму час повернутися."
            ),
        },
    ),
    Card(
        id="major-20-judgement",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=20,
        element=Element.FIRE,
        name={"en": "Judgement", "uk": "Суд"},
        upright_keywords={
            "en": ("awakening", "reflection", "inner calling", "second chance", "forgiveness"),
            "uk": ("пробудження", "переосмислення", "внутрішній поклик", "другий шанс", "прощення"),
        },
        reversed_keywords={
            "en": ("harsh self-criticism", "doubt", "ignoring the call", "regret"),
            "uk": ("сувора самокритика", "сумніви", "ігнорування поклику", "жаль"),
        },
        upright_meaning={
            "en": (
                "A moment of honest review is arriving, one that can lift you into a new phase. Judgement "
                "invites you to look back clearly, forgive what needs forgiving and answer a call that has "
                "been growing louder. You are ready for a fresh start."
            ),
            "uk": (
                "Настає час чесного підсумку, здатного підняти вас на новий щабель. Суд запрошує ясно "
                "озирнутися назад, пробачити те, що потребує прощення, і відгукнутися на поклик, що звучить "
                "дедалі гучніше. Ви готові почати з чистого аркуша."
            ),
        },
        reversed_meaning={
            "en": (
                "Harsh self-judgement or fear of repeating old mistakes may be holding you back. You might "
                "be hearing an inner call but hesitating to answer it. Treat your past with compassion; "
                "learning from it matters more than punishing yourself."
            ),
            "uk": (
                "Можливо, вас стримує сувора самокритика або страх повторити давні помилки. Ви, мабуть, "
                "чуєте внутрішній поклик, але вагаєтеся на нього відповісти. Ставтеся до свого минулого зі "
                "співчуттям: винести з нього урок важливіше, ніж себе карати."
            ),
        },
    ),
    Card(
        id="major-21-world",
        arcana=Arcana.MAJOR,
        suit=None,
        rank=21,
        element=Element.EARTH,
        name={"en": "The World", "uk": "Світ"},
        upright_keywords={
            "en": ("completion", "wholeness", "achievement", "integration", "travel"),
            "uk": ("завершеність", "цілісність", "досягнення", "інтеграція", "подорожі"),
        },
        reversed_keywords={
            "en": ("unfinished business", "lack of closure", "shortcuts", "delays"),
            "uk": ("незавершені справи", "неповнота", "пошук легких шляхів", "затримки"),
        },
        upright_meaning={
            "en": (
                "A cycle is reaching its fulfilling conclusion, and the pieces finally fit together. The "
                "World celebrates achievement, wholeness and the wisdom gained along the way. Enjoy the "
                "sense of completion before the next journey begins."
            ),
            "uk": (
                "Цикл добігає щасливого завершення, і всі частини нарешті складаються докупи. Світ вшановує "
                "досягнення, цілісність і мудрість, здобуту на цьому шляху. Не поспішайте далі: насолодіться "
                "відчуттям завершеності, перш ніж розпочнеться нова подорож."
            ),
        },
        reversed_meaning={
            "en": (
                "You may be very close to the finish line, yet something still feels incomplete. Loose ends, "
                "unresolved feelings or shortcuts may be delaying closure. Look at what remains to be done, "
                "tie it up with care, and allow yourself to move on."
            ),
            "uk": (
                "Можливо, ви вже зовсім близько до фінішу, але щось досі здається незавершеним. Недороблені "
                "дрібниці, невирішені почуття чи спроби зрізати шлях можуть відкладати остаточну крапку. "
                "Подивіться, що ще лишилося зробити, дбайливо це довершіть і дозвольте собі рушити далі."
            ),
        },
    ),
)
