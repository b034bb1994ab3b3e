"""The suit of Cups (water), ace to king, in our own words in English and Ukrainian."""

from tarot_domain.model.cards import Arcana, Card, Element, Suit

CARDS: tuple[Card, ...] = (
    Card(
        id="cups-ace",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=1,
        element=Element.WATER,
        name={"en": "Ace of Cups", "uk": "Туз Кубків"},
        upright_keywords={
            "en": ("new feelings", "love", "emotional openness", "compassion"),
            "uk": ("нові почуття", "любов", "емоційна відкритість", "співчуття"),
        },
        reversed_keywords={
            "en": ("blocked emotions", "emptiness", "self-neglect"),
            "uk": ("заблоковані емоції", "внутрішня порожнеча", "нехтування собою"),
        },
        upright_meaning={
            "en": (
                "A new emotional beginning is offered, whether a relationship, a creative flow or a deeper "
                "kindness toward yourself. Your heart is open and ready to receive. Let feelings move "
                "freely, and notice where love, gratitude or compassion want to pour into your life."
            ),
            "uk": (
                "Вам пропонується новий емоційний початок: стосунки, творчий потік чи глибша доброта до "
                "себе. Ваше серце відкрите й готове приймати. Дозвольте почуттям вільно плинути та помітьте, "
                "де любов, вдячність чи співчуття хочуть наповнити ваше життя."
            ),
        },
        reversed_meaning={
            "en": (
                "Feelings may be held back, or you might be pouring out care without refilling your own cup. "
                "Something inside could feel empty or guarded. Gentle attention to your own needs can reopen "
                "the flow, and it is fine to start small."
            ),
            "uk": (
                "Почуття можуть бути стримані, або ви віддаєте турботу, не поповнюючи власних сил. Усередині "
                "може відчуватися порожнеча чи настороженість. Лагідна увага до власних потреб здатна знову "
                "відкрити цей потік, і цілком нормально почати з малого."
            ),
        },
    ),
    Card(
        id="cups-two",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=2,
        element=Element.WATER,
        name={"en": "Two of Cups", "uk": "Двійка Кубків"},
        upright_keywords={
            "en": ("partnership", "mutual attraction", "connection", "harmony"),
            "uk": ("партнерство", "взаємна симпатія", "зв'язок", "гармонія"),
        },
        reversed_keywords={
            "en": ("imbalance", "disconnection", "broken trust"),
            "uk": ("дисбаланс", "відчуження", "підірвана довіра"),
        },
        upright_meaning={
            "en": (
                "Two people meet as equals, with respect and genuine warmth flowing both ways. This can "
                "describe romance, friendship or a promising collaboration. Mutual understanding is the "
                "heart of the card, so honour what you share and meet the other person halfway."
            ),
            "uk": (
                "Двоє зустрічаються на рівних, і повага та щира теплота йдуть в обидва боки. Це можуть бути "
                "романтичні стосунки, дружба чи перспективна співпраця. Суть карти полягає у "
                "взаєморозумінні, тож цінуйте те, що вас єднає, і йдіть назустріч одне одному."
            ),
        },
        reversed_meaning={
            "en": (
                "A bond may feel out of balance, with one side giving more or communication breaking down. "
                "Small misunderstandings can grow if they stay unspoken. Honest, kind conversation may "
                "restore the connection, or show that some distance is healthier for now."
            ),
            "uk": (
                "Зв'язок може бути розбалансованим: одна сторона віддає більше, або спілкування руйнується. "
                "Дрібні непорозуміння розростаються, якщо про них мовчати. Чесна й доброзичлива розмова може "
                "відновити близькість або показати, що зараз здоровіше трохи віддалитися."
            ),
        },
    ),
    Card(
        id="cups-three",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=3,
        element=Element.WATER,
        name={"en": "Three of Cups", "uk": "Трійка Кубків"},
        upright_keywords={
            "en": ("friendship", "celebration", "community", "shared joy"),
            "uk": ("дружба", "святкування", "спільнота", "спільна радість"),
        },
        reversed_keywords={
            "en": ("overindulgence", "gossip", "isolation"),
            "uk": ("надмірність у розвагах", "плітки", "самотність"),
        },
        upright_meaning={
            "en": (
                "Friends gather to share good news, laughter and support. The card celebrates the people who "
                "lift you up and the joy of belonging to a circle. Reach out, say yes to invitations and let "
                "yourself enjoy the moment together."
            ),
            "uk": (
                "Друзі збираються, щоб поділитися добрими новинами, сміхом і підтримкою. Карта вшановує "
                "людей, які додають вам сил, і радість належати до свого кола. Виходьте на зв'язок, "
                "приймайте запрошення і дозвольте собі насолоджуватися спільними миттєвостями."
            ),
        },
        reversed_meaning={
            "en": (
                "Social life may feel draining, or fun turns into excess. Gossip, cliques or feeling left "
                "out of a group could be part of the picture. Choose the company that genuinely nourishes "
                "you, and balance celebration with rest."
            ),
            "uk": (
                "Гучні зустрічі та вечірки можуть виснажувати, а розваги переходять у надмірність. Плітки, "
                "закриті компанії чи відчуття, що вас не приймають до гурту, теж можуть бути частиною "
                "картини. Обирайте товариство, яке справді вас живить, і врівноважуйте свята відпочинком."
            ),
        },
    ),
    Card(
        id="cups-four",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=4,
        element=Element.WATER,
        name={"en": "Four of Cups", "uk": "Четвірка Кубків"},
        upright_keywords={
            "en": ("apathy", "contemplation", "missed offers", "withdrawal"),
            "uk": ("апатія", "споглядання", "пропущені можливості", "відстороненість"),
        },
        reversed_keywords={
            "en": ("renewed interest", "seizing opportunities", "reconnecting"),
            "uk": ("відновлений інтерес", "готовність скористатися нагодою", "повернення до життя"),
        },
        upright_meaning={
            "en": (
                "You may feel bored or disengaged, focused on what is missing while an offer waits right "
                "beside you. Some quiet reflection is healthy, but watch for numbness turning into missed "
                "chances. Look again at what is being offered; it may be more valuable than it seems."
            ),
            "uk": (
                "Ви можете відчувати нудьгу чи відстороненість, зосереджуючись на тому, чого бракує, тоді як "
                "поруч чекає пропозиція. Трохи тихих роздумів піде на користь, але стежте, щоб байдужість не "
                "обернулася втраченими шансами. Подивіться ще раз на те, що вам пропонують: можливо, воно "
                "цінніше, ніж здається."
            ),
        },
        reversed_meaning={
            "en": (
                "After a period of withdrawal, curiosity starts to return. You may be ready to step out of "
                "your shell and accept what life is offering. Alternatively, the card can point to a "
                "deliberate retreat that helps you understand what you really want."
            ),
            "uk": (
                "Після періоду відстороненості до вас повертається цікавість. Можливо, ви готові вийти зі "
                "своєї мушлі та прийняти те, що пропонує життя. Водночас карта може вказувати на свідоме "
                "усамітнення, яке допомагає зрозуміти, чого ви насправді хочете."
            ),
        },
    ),
    Card(
        id="cups-five",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=5,
        element=Element.WATER,
        name={"en": "Five of Cups", "uk": "П'ятірка Кубків"},
        upright_keywords={
            "en": ("loss", "grief", "regret", "disappointment"),
            "uk": ("втрата", "смуток", "жаль", "розчарування"),
        },
        reversed_keywords={
            "en": ("acceptance", "moving on", "forgiveness", "healing"),
            "uk": ("прийняття", "рух далі", "прощення", "зцілення"),
        },
        upright_meaning={
            "en": (
                "Something has been lost, and it is natural to grieve it. The card acknowledges your sadness "
                "while gently noting that not everything is gone. When you are ready, turn around and notice "
                "the support and possibilities that still remain."
            ),
            "uk": (
                "Щось утрачено, і сумувати через це цілком природно. Карта визнає ваш смуток, водночас "
                "лагідно нагадуючи, що втрачено не все. Дайте собі стільки часу, скільки потрібно, а коли "
                "будете готові, озирніться й помітьте підтримку та можливості, які досі залишаються поруч."
            ),
        },
        reversed_meaning={
            "en": (
                "The worst of the sorrow may be passing, and you begin to make peace with what happened. "
                "Forgiveness, of others or yourself, becomes possible. Carry the lesson forward without "
                "letting regret define the rest of the story."
            ),
            "uk": (
                "Найгостріший біль, можливо, минає, і ви поступово примиряєтеся з тим, що сталося. Стає "
                "можливим прощення, як іншим, так і собі. Візьміть із собою урок, але не дозволяйте жалю "
                "визначати решту вашої історії."
            ),
        },
    ),
    Card(
        id="cups-six",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=6,
        element=Element.WATER,
        name={"en": "Six of Cups", "uk": "Шістка Кубків"},
        upright_keywords={
            "en": ("nostalgia", "childhood memories", "innocence", "kindness"),
            "uk": ("ностальгія", "спогади дитинства", "безпосередність", "доброта"),
        },
        reversed_keywords={
            "en": ("living in the past", "idealising memories", "moving forward"),
            "uk": ("життя минулим", "ідеалізація спогадів", "рух уперед"),
        },
        upright_meaning={
            "en": (
                "Memories, old friends or a familiar place bring comfort and a sense of innocence. Simple "
                "acts of kindness and play can soften the present. Let the warmth of the past nourish you, "
                "and notice which childhood joys are worth bringing back into your life."
            ),
            "uk": (
                "Спогади, давні друзі чи знайоме місце дарують затишок і відчуття безтурботності. Прості "
                "прояви доброти й гра можуть пом'якшити сьогодення. Дозвольте теплу минулого живити вас і "
                "подумайте, які дитячі радощі варто повернути у своє життя."
            ),
        },
        reversed_meaning={
            "en": (
                "Looking back may be keeping you from engaging with the present. The past can look rosier "
                "than it was, making today seem dull by comparison. Honour your memories, but give your "
                "energy to the life you are building now."
            ),
            "uk": (
                "Погляд назад може заважати вам жити теперішнім. Минуле часто здається рожевішим, ніж було "
                "насправді, і на його тлі сьогодення видається сірим. Шануйте свої спогади, але вкладайте "
                "сили в життя, яке будуєте зараз."
            ),
        },
    ),
    Card(
        id="cups-seven",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=7,
        element=Element.WATER,
        name={"en": "Seven of Cups", "uk": "Сімка Кубків"},
        upright_keywords={
            "en": ("choices", "illusion", "wishful thinking", "imagination"),
            "uk": ("вибір", "ілюзії", "мрійливість", "уява"),
        },
        reversed_keywords={
            "en": ("clarity", "decisiveness", "reality check"),
            "uk": ("ясність", "рішучість", "тверезий погляд"),
        },
        upright_meaning={
            "en": (
                "Many options shimmer before you, some real and some only appealing fantasies. Imagination "
                "is a gift, but it can also scatter your focus. Take time to test each possibility against "
                "your values and practical reality before choosing one to pursue."
            ),
            "uk": (
                "Перед вами мерехтить безліч варіантів: одні справжні, інші лише привабливі фантазії. Уява є "
                "даром, але вона може й розпорошувати увагу. Не поспішайте: перевірте кожну можливість на "
                "відповідність вашим цінностям і реальним обставинам, а тоді обирайте, куди рухатися."
            ),
        },
        reversed_meaning={
            "en": (
                "The fog begins to lift and you see your options more clearly. This is a good moment to drop "
                "unrealistic plans and commit to what truly matters. If confusion persists, narrowing the "
                "field to two or three choices may help."
            ),
            "uk": (
                "Туман починає розсіюватися, і ви чіткіше бачите свої варіанти. Це слушний момент, щоб "
                "відмовитися від нереальних планів і зосередитися на тому, що справді важливо. Якщо "
                "плутанина не минає, допоможе звузити вибір до двох-трьох варіантів."
            ),
        },
    ),
    Card(
        id="cups-eight",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=8,
        element=Element.WATER,
        name={"en": "Eight of Cups", "uk": "Вісімка Кубків"},
        upright_keywords={
            "en": ("walking away", "search for meaning", "disillusionment", "letting go"),
            "uk": ("відхід", "пошук сенсу", "розчарування", "уміння відпустити"),
        },
        reversed_keywords={
            "en": ("fear of leaving", "aimless drifting", "staying too long"),
            "uk": ("страх піти", "блукання без мети", "зволікання з відходом"),
        },
        upright_meaning={
            "en": (
                "Even when things look fine on the surface, something no longer fulfils you. The card "
                "describes the courage to walk away from what has run its course in search of deeper "
                "meaning. Leaving can be sad and still be the right step forward."
            ),
            "uk": (
                "Навіть коли зовні все гаразд, щось уже не приносить вам задоволення. Карта говорить про "
                "мужність піти від того, що вичерпало себе, у пошуках глибшого сенсу. Відхід може бути "
                "сумним і водночас правильним кроком уперед."
            ),
        },
        reversed_meaning={
            "en": (
                "You may sense it is time to move on but keep hesitating, afraid of what you would lose. Or "
                "you might be drifting from one thing to another without finding peace. Ask what you are "
                "really searching for, and whether it lies ahead or within."
            ),
            "uk": (
                "Ви, можливо, відчуваєте, що пора рухатися далі, але вагаєтеся, боячись утратити те, що "
                "маєте. Або ж блукаєте від одного до іншого, не знаходячи спокою. Запитайте себе, що ви "
                "насправді шукаєте і чи воно попереду, чи всередині вас."
            ),
        },
    ),
    Card(
        id="cups-nine",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=9,
        element=Element.WATER,
        name={"en": "Nine of Cups", "uk": "Дев'ятка Кубків"},
        upright_keywords={
            "en": ("contentment", "wishes fulfilled", "enjoyment", "gratitude"),
            "uk": ("вдоволеність", "здійснені бажання", "радість від життя", "вдячність"),
        },
        reversed_keywords={
            "en": ("smugness", "shallow pleasures", "unmet expectations"),
            "uk": ("самовдоволення", "поверхові втіхи", "нездійснені очікування"),
        },
        upright_meaning={
            "en": (
                "Often called the wish card, it points to a period of emotional and material comfort. You "
                "can enjoy what you have achieved and savour life's pleasures. Gratitude deepens this "
                "satisfaction, so take time to appreciate how far you have come."
            ),
            "uk": (
                "Цю карту часто називають картою бажань: вона вказує на період емоційного й матеріального "
                "затишку. Ви можете тішитися досягнутим і смакувати радощі життя. Вдячність поглиблює це "
                "відчуття, тож знайдіть час оцінити, який шлях ви вже пройшли."
            ),
        },
        reversed_meaning={
            "en": (
                "Getting what you wanted may not feel as fulfilling as you expected, or pleasure turns into "
                "excess. Look beyond outward success to what truly brings you contentment. Sometimes a wish "
                "needs to be reshaped rather than simply chased harder."
            ),
            "uk": (
                "Отримане може не тішити так, як ви очікували, або насолода переходить у надмірність. "
                "Подивіться глибше за зовнішній успіх, на те, що справді дарує вам спокій і вдоволення. "
                "Іноді бажання варто переосмислити, а не просто гнатися за ним ще завзятіше."
            ),
        },
    ),
    Card(
        id="cups-ten",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=10,
        element=Element.WATER,
        name={"en": "Ten of Cups", "uk": "Десятка Кубків"},
        upright_keywords={
            "en": ("family harmony", "emotional fulfilment", "belonging", "lasting happiness"),
            "uk": ("родинна гармонія", "емоційна повнота", "приналежність", "тривке щастя"),
        },
        reversed_keywords={
            "en": ("family tension", "unrealistic ideals", "disconnection"),
            "uk": ("напруга в родині", "нереальні ідеали", "роз'єднаність"),
        },
        upright_meaning={
            "en": (
                "This card paints a picture of emotional fulfilment shared with the people you love. Home "
                "feels like a place of peace, and relationships rest on genuine care. Cherish these bonds, "
                "and remember that harmony grows from small, everyday gestures of kindness."
            ),
            "uk": (
                "Ця карта змальовує емоційну повноту, яку ви поділяєте з людьми, яких любите. Дім стає "
                "місцем спокою, а стосунки тримаються на щирій турботі. Бережіть ці зв'язки й пам'ятайте, що "
                "гармонія виростає з маленьких щоденних виявів доброти."
            ),
        },
        reversed_meaning={
            "en": (
                "The picture of a perfect family or relationship may not match reality, creating quiet "
                "disappointment. Tension, distance or different values can strain close bonds. Letting go of "
                "idealised expectations and talking openly can bring people closer again."
            ),
            "uk": (
                "Уявлення про ідеальну родину чи стосунки можуть не збігатися з реальністю, і це породжує "
                "тихе розчарування. Напруга, віддаленість чи різні цінності здатні випробовувати близькі "
                "зв'язки. Відмова від ідеалізованих очікувань і відверта розмова можуть знову зблизити "
                "людей."
            ),
        },
    ),
    Card(
        id="cups-page",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=11,
        element=Element.WATER,
        name={"en": "Page of Cups", "uk": "Паж Кубків"},
        upright_keywords={
            "en": ("emotional message", "creativity", "intuition", "tenderness"),
            "uk": ("звістка від серця", "творчість", "інтуїція", "ніжність"),
        },
        reversed_keywords={
            "en": ("emotional immaturity", "creative block", "moodiness"),
            "uk": ("емоційна незрілість", "творчий застій", "примхливість"),
        },
        upright_meaning={
            "en": (
                "A gentle, imaginative energy invites you to listen to your feelings with curiosity. A sweet "
                "message, a surprising idea or an intuitive nudge may arrive. Stay open and playful, and let "
                "your inner child express itself through art, dreams or kindness."
            ),
            "uk": (
                "Лагідна, сповнена уяви енергія запрошує з цікавістю прислухатися до своїх почуттів. Може "
                "надійти приємна звістка, несподівана ідея чи інтуїтивна підказка. Залишайтеся відкритими й "
                "грайливими та дозвольте своїй внутрішній дитині виявити себе в мистецтві, мріях чи доброті."
            ),
        },
        reversed_meaning={
            "en": (
                "Feelings may be running the show, leading to moodiness or overreacting to small things. A "
                "creative idea might feel blocked, or you hold back from sharing it. Treat your emotions "
                "kindly but with a little distance, so they can guide rather than overwhelm you."
            ),
            "uk": (
                "Почуття можуть брати гору, і це призводить до мінливого настрою чи надмірної реакції на "
                "дрібниці. Творча ідея може застрягти, або ви не наважуєтеся нею поділитися. Ставтеся до "
                "своїх емоцій дбайливо, але з певною дистанцією, щоб вони вас скеровували, а не "
                "захльостували."
            ),
        },
    ),
    Card(
        id="cups-knight",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=12,
        element=Element.WATER,
        name={"en": "Knight of Cups", "uk": "Лицар Кубків"},
        upright_keywords={
            "en": ("romance", "following the heart", "charm", "invitation"),
            "uk": ("романтика", "поклик серця", "чарівність", "запрошення"),
        },
        reversed_keywords={
            "en": ("unrealistic expectations", "moodiness", "empty promises"),
            "uk": ("нереалістичні очікування", "мінливість настрою", "порожні обіцянки"),
        },
        upright_meaning={
            "en": (
                "A romantic, idealistic energy moves toward you, bringing offers, invitations or heartfelt "
                "gestures. This knight follows the heart and values beauty and meaning. Let yourself be "
                "inspired, while still checking that the dream has a path into real life."
            ),
            "uk": (
                "До вас наближається романтична, ідеалістична енергія, що несе пропозиції, запрошення чи "
                "щирі жести. Цей Лицар іде за покликом серця і цінує красу та сенс. Дозвольте собі "
                "надихнутися, але перевірте, чи має ця мрія шлях у реальне життя."
            ),
        },
        reversed_meaning={
            "en": (
                "Charm may outrun follow-through, leaving promises unfulfilled. You or someone close could "
                "be chasing an ideal rather than a real person or plan. Notice whether feelings are being "
                "used to avoid hard choices, and look for consistency over grand gestures."
            ),
            "uk": (
                "Чарівність може випереджати вчинки, і обіцянки так і лишаються нездійсненими. Ви чи хтось "
                "поруч, можливо, женетеся за ідеалом, а не за реальною людиною чи планом. Зверніть увагу, чи "
                "не допомагають почуття уникати складних рішень, і цінуйте послідовність більше за гучні "
                "жести."
            ),
        },
    ),
    Card(
        id="cups-queen",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=13,
        element=Element.WATER,
        name={"en": "Queen of Cups", "uk": "Королева Кубків"},
        upright_keywords={
            "en": ("compassion", "intuition", "emotional safety"),
            "uk": ("співчуття", "інтуїція", "емоційна безпека"),
        },
        reversed_keywords={
            "en": ("over-giving", "moodiness", "blurred boundaries"),
            "uk": ("надмірна жертовність", "мінливість настрою", "розмиті межі"),
        },
        upright_meaning={
            "en": (
                "Deeply caring and intuitive, this queen holds space for feelings without being swept away "
                "by them. She encourages you to trust your inner knowing and to offer compassion, including "
                "to yourself. A calm, listening presence can be the most healing gift right now."
            ),
            "uk": (
                "Глибоко турботлива й чуйна, ця Королева вміє приймати почуття, не дозволяючи їм себе "
                "захопити. Вона заохочує довіряти внутрішньому знанню та дарувати співчуття, зокрема й собі. "
                "Спокійна присутність і вміння слухати можуть зараз стати найціннішим даром."
            ),
        },
        reversed_meaning={
            "en": (
                "Sensitivity may tip into absorbing everyone else's emotions or losing track of your own. "
                "Giving too much can leave you drained or resentful. Gentle boundaries and time to recharge "
                "help you stay caring without disappearing into other people's needs."
            ),
            "uk": (
                "Чутливість може обертатися тим, що ви вбираєте чужі емоції й губите власні. Коли віддаєте "
                "забагато, лишаються виснаження чи образа. М'які межі та час на відновлення допомагають "
                "залишатися турботливими, не розчиняючись у потребах інших."
            ),
        },
    ),
    Card(
        id="cups-king",
        arcana=Arcana.MINOR,
        suit=Suit.CUPS,
        rank=14,
        element=Element.WATER,
        name={"en": "King of Cups", "uk": "Король Кубків"},
        upright_keywords={
            "en": ("emotional balance", "diplomacy", "calm", "wisdom"),
            "uk": ("емоційна рівновага", "дипломатичність", "спокій", "мудрість"),
        },
        reversed_keywords={
            "en": ("suppressed feelings", "manipulation", "coldness", "moodiness"),
            "uk": ("придушені почуття", "маніпуляції", "холодність", "мінливість настрою"),
        },
        upright_meaning={
            "en": (
                "This king feels deeply yet stays steady, guiding others with kindness and a cool head. He "
                "shows how emotional maturity can coexist with responsibility. In difficult situations, "
                "respond rather than react, and let compassion shape your decisions."
            ),
            "uk": (
                "Цей Король глибоко відчуває, але залишається врівноваженим, скеровуючи інших із добротою і "
                "тверезою головою. Він показує, що емоційна зрілість може поєднуватися з відповідальністю. У "
                "складних ситуаціях не піддавайтеся першому пориву, а відповідайте зважено, і нехай "
                "співчуття впливає на ваші рішення."
            ),
        },
        reversed_meaning={
            "en": (
                "Emotions may be bottled up until they leak out as moodiness, or they might be used to "
                "influence others. Calm on the surface can hide turmoil underneath. Acknowledging what you "
                "feel, honestly and safely, restores the balance this king represents."
            ),
            "uk": (
                "Емоції можуть накопичуватися, доки не прорвуться перепадами настрою, або ж ними "
                "користуються, щоб впливати на інших. За зовнішнім спокоєм може ховатися буря. Чесно й "
                "безпечно визнавши свої почуття, ви повертаєте собі рівновагу, яку уособлює цей Король."
            ),
        },
    ),
)
