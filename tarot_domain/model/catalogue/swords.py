"""The suit of swords (air): thought, truth, conflict and decisions, ace to king."""

from tarot_domain.model.cards import Arcana, Card, Element, Suit

CARDS: tuple[Card, ...] = (
    Card(
        id="swords-ace",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=1,
        element=Element.AIR,
        name={"en": "Ace of Swords", "uk": "Туз Мечів"},
        upright_keywords={
            "en": ("clarity", "breakthrough", "truth", "sharp mind"),
            "uk": ("ясність", "прорив", "істина", "гострий розум"),
        },
        reversed_keywords={
            "en": ("confusion", "hasty conclusions", "clouded judgement"),
            "uk": ("розгубленість", "хибні висновки", "затуманене судження"),
        },
        upright_meaning={
            "en": (
                "A fresh idea cuts through the fog and shows things as they are. This is a good moment to "
                "name the truth plainly, make a clear decision, or start a project that needs a sharp, "
                "honest mind. Trust the thought that keeps returning with quiet force."
            ),
            "uk": (
                "Свіжа думка розтинає туман і показує речі такими, якими вони є. Це слушний момент, щоб "
                "чесно назвати правду, ухвалити чітке рішення або взятися за справу, яка потребує ясної "
                "голови. Довіртеся думці, що знову й знову повертається з тихою силою."
            ),
        },
        reversed_meaning={
            "en": (
                "The mind is racing, but the thoughts are tangled or aimed in the wrong direction. You may "
                "be rushing to a conclusion, or words could wound more than they clarify. Slow down, check "
                "your facts, and wait until the picture settles before acting."
            ),
            "uk": (
                "Думки мчать, але плутаються або б'ють не туди. Можливо, ви поспішаєте з висновками, а слова "
                "здатні поранити більше, ніж допомогти розібратися. Пригальмуйте, перевірте факти й "
                "дочекайтеся, поки картина проясниться, перш ніж діяти."
            ),
        },
    ),
    Card(
        id="swords-two",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=2,
        element=Element.AIR,
        name={"en": "Two of Swords", "uk": "Двійка Мечів"},
        upright_keywords={
            "en": ("stalemate", "difficult choice", "truce", "avoidance"),
            "uk": ("глухий кут", "важкий вибір", "перемир'я", "уникання"),
        },
        reversed_keywords={
            "en": ("overwhelm", "indecision", "lifting the blindfold"),
            "uk": ("перевантаження", "нерішучість", "зняття пов'язки з очей"),
        },
        upright_meaning={
            "en": (
                "Two options balance each other so well that you have stopped moving. Holding still can keep "
                "the peace for a while, yet it also keeps you from seeing what you already sense. Ask what "
                "you are refusing to look at, and let one honest fact tip the scales."
            ),
            "uk": (
                "Два варіанти настільки врівноважують один одного, що ви завмерли на місці. Така нерухомість "
                "може якийсь час берегти мир, але вона ж заважає побачити те, що ви вже відчуваєте. "
                "Запитайте себе, на що ви не хочете дивитися, і дозвольте одному чесному фактові схилити "
                "терези."
            ),
        },
        reversed_meaning={
            "en": (
                "The pressure of a postponed choice is building, and too much advice may be adding to the "
                "noise. Sometimes the blindfold slips and an answer you avoided becomes obvious. Choose the "
                "option you can live with today rather than waiting for a perfect one."
            ),
            "uk": (
                "Тиск відкладеного рішення наростає, а надто багато порад лише додає шуму. Іноді пов'язка "
                "спадає, і відповідь, якої ви уникали, стає очевидною. Оберіть варіант, з яким зможете жити "
                "вже сьогодні, замість того щоб чекати на ідеальний."
            ),
        },
    ),
    Card(
        id="swords-three",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=3,
        element=Element.AIR,
        name={"en": "Three of Swords", "uk": "Трійка Мечів"},
        upright_keywords={
            "en": ("heartbreak", "grief", "painful truth", "sorrow"),
            "uk": ("розбите серце", "горе", "болюча правда", "смуток"),
        },
        reversed_keywords={
            "en": ("healing", "releasing pain", "forgiveness"),
            "uk": ("зцілення", "відпускання болю", "прощення"),
        },
        upright_meaning={
            "en": (
                "Something hurts, and this card does not pretend otherwise. A loss, a disappointment or a "
                "hard truth may be asking to be felt rather than explained away. Giving the sadness room, "
                "and speaking about it with someone you trust, is often the first step towards mending."
            ),
            "uk": (
                "Щось болить, і ця карта не вдає, що все гаразд. Втрата, розчарування чи гірка правда, "
                "можливо, просять, щоб їх прожили, а не пояснили. Дати смутку місце й поговорити про нього з "
                "тим, кому довіряєте, часто стає першим кроком до загоєння."
            ),
        },
        reversed_meaning={
            "en": (
                "The worst of the ache may be passing, or an old wound is ready to be looked at again. You "
                "might be tempted to bury the feeling, yet gentle attention is what lets it close. "
                "Forgiveness, of others or yourself, can loosen what still stings."
            ),
            "uk": (
                "Найгостріший біль, можливо, минає, або стара рана готова до того, щоб на неї знову "
                "подивилися. Може кортіти сховати почуття подалі, але саме дбайлива увага дає рані "
                "затягнутися. Прощення — іншим чи собі — здатне послабити те, що досі пече."
            ),
        },
    ),
    Card(
        id="swords-four",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=4,
        element=Element.AIR,
        name={"en": "Four of Swords", "uk": "Четвірка Мечів"},
        upright_keywords={
            "en": ("rest", "recovery", "retreat", "contemplation"),
            "uk": ("відпочинок", "відновлення", "усамітнення", "роздуми"),
        },
        reversed_keywords={
            "en": ("restlessness", "burnout", "returning to action"),
            "uk": ("неспокій", "вигорання", "повернення до дії"),
        },
        upright_meaning={
            "en": (
                "After strain comes a pause, and this card says the pause is worth taking. Stepping back, "
                "sleeping well and letting your thoughts go quiet will restore more than pushing on. Treat "
                "rest as part of the work, not as a reward you have to earn."
            ),
            "uk": (
                "Після напруги настає пауза, і ця карта каже, що вона того варта. Відступити, добре "
                "виспатися й дати думкам затихнути — це відновить більше, ніж уперто йти далі. Сприймайте "
                "відпочинок як частину роботи, а не як нагороду, яку треба заслужити."
            ),
        },
        reversed_meaning={
            "en": (
                "Either rest is being skipped and the tiredness is showing, or the break has gone on long "
                "enough and it is time to stir. Notice which one fits. A small, steady return to activity "
                "works better than swinging from exhaustion to overdrive."
            ),
            "uk": (
                "Або відпочинок постійно відкладається, і втома вже дається взнаки, або перерва затяглася й "
                "час ворушитися. Зверніть увагу, що саме про вас. Невелике, поступове повернення до справ "
                "діє краще, ніж стрибок від виснаження до шаленого темпу."
            ),
        },
    ),
    Card(
        id="swords-five",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=5,
        element=Element.AIR,
        name={"en": "Five of Swords", "uk": "П'ятірка Мечів"},
        upright_keywords={
            "en": ("conflict", "hollow victory", "winning at any cost", "tension"),
            "uk": ("конфлікт", "порожня перемога", "перемога за будь-яку ціну", "напруга"),
        },
        reversed_keywords={
            "en": ("reconciliation", "letting go of a grudge", "moving on"),
            "uk": ("примирення", "відпускання образи", "рух далі"),
        },
        upright_meaning={
            "en": (
                "A dispute may be won on paper while something more valuable is lost. Ask whether being "
                "right is worth the strain on trust and goodwill. Sometimes the wiser move is to walk away "
                "from a fight that only feeds pride."
            ),
            "uk": (
                "Суперечку можна виграти формально, але втратити щось цінніше. Запитайте себе, чи варта "
                "правота того, щоб підривати довіру й добру волю. Іноді мудріше просто піти від сварки, яка "
                "живить лише гордість, і зберегти сили для важливішого."
            ),
        },
        reversed_meaning={
            "en": (
                "The dust of an old conflict is settling, and there may be a chance to make peace or at "
                "least to stop replaying it. Letting go of a grudge does not mean agreeing with what "
                "happened. It means choosing not to carry it any further."
            ),
            "uk": (
                "Пил давнього конфлікту осідає, і, можливо, з'являється нагода помиритися або принаймні "
                "перестати прокручувати його в голові. Відпустити образу не означає погодитися з тим, що "
                "сталося. Це означає вирішити більше не носити її в собі."
            ),
        },
    ),
    Card(
        id="swords-six",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=6,
        element=Element.AIR,
        name={"en": "Six of Swords", "uk": "Шістка Мечів"},
        upright_keywords={
            "en": ("transition", "moving on", "calmer waters", "recovery"),
            "uk": ("перехід", "рух уперед", "спокійніші води", "одужання"),
        },
        reversed_keywords={
            "en": ("stuck in the past", "unfinished business", "resistance to change"),
            "uk": ("застрягання в минулому", "незавершені справи", "опір змінам"),
        },
        upright_meaning={
            "en": (
                "You are leaving a rough stretch behind and heading somewhere quieter, even if the journey "
                "feels a little sad. Change here is gradual, not dramatic. Take what you need, let the rest "
                "stay on the shore, and allow others to help carry you across."
            ),
            "uk": (
                "Ви залишаєте позаду важкий відрізок шляху й прямуєте туди, де спокійніше, навіть якщо "
                "дорога трохи сумна. Зміни тут поступові, а не різкі. Візьміть із собою потрібне, решту "
                "залиште на березі й дозвольте іншим допомогти вам переправитися."
            ),
        },
        reversed_meaning={
            "en": (
                "Moving forward feels harder than expected, perhaps because something unresolved keeps "
                "pulling you back. It may help to face that loose end rather than rowing around it. A delay "
                "now is not a failure; it is a sign to lighten the load before setting out again."
            ),
            "uk": (
                "Рух уперед дається важче, ніж ви сподівалися, — можливо, щось невирішене тягне назад. Варто "
                "подивитися на цю незавершену справу прямо, а не оминати її. Затримка зараз — не поразка, а "
                "знак полегшити ношу, перш ніж рушати знову."
            ),
        },
    ),
    Card(
        id="swords-seven",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=7,
        element=Element.AIR,
        name={"en": "Seven of Swords", "uk": "Сімка Мечів"},
        upright_keywords={
            "en": ("strategy", "secrecy", "cunning", "going it alone"),
            "uk": ("стратегія", "таємність", "хитрість", "дії самотужки"),
        },
        reversed_keywords={
            "en": ("coming clean", "exposed deception", "conscience"),
            "uk": ("зізнання", "викритий обман", "голос сумління"),
        },
        upright_meaning={
            "en": (
                "Someone, possibly you, is acting quietly and keeping plans close. Tact and strategy can be "
                "useful, but ask whether cleverness is sliding into avoiding honesty. Check that what you "
                "take or keep hidden is really yours to take."
            ),
            "uk": (
                "Хтось — можливо, ви самі — діє тихо й не розкриває своїх планів. Тактовність і стратегія "
                "бувають корисними, але варто запитати, чи не переходить кмітливість в уникання чесності. "
                "Переконайтеся, що те, що ви берете чи приховуєте, справді належить вам."
            ),
        },
        reversed_meaning={
            "en": (
                "Secrets are getting harder to keep, and the relief of telling the truth may outweigh the "
                "risk. If you suspect you have been misled, gather facts calmly before confronting anyone. A "
                "clear conscience is lighter to carry than a clever story."
            ),
            "uk": (
                "Таємниці дедалі важче зберігати, і полегшення від правди може переважити ризик. Якщо "
                "підозрюєте, що вас ввели в оману, спокійно зберіть факти, перш ніж когось звинувачувати. "
                "Чисте сумління нести легше, ніж хитромудру історію."
            ),
        },
    ),
    Card(
        id="swords-eight",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=8,
        element=Element.AIR,
        name={"en": "Eight of Swords", "uk": "Вісімка Мечів"},
        upright_keywords={
            "en": ("feeling trapped", "self-limiting beliefs", "helplessness", "overthinking"),
            "uk": ("відчуття пастки", "обмежувальні переконання", "безпорадність", "надмірні роздуми"),
        },
        reversed_keywords={
            "en": ("release", "new perspective", "self-acceptance"),
            "uk": ("звільнення", "новий погляд", "прийняття себе"),
        },
        upright_meaning={
            "en": (
                "You may feel boxed in, yet many of the bonds are made of fear and old stories rather than "
                "hard facts. Look again at what truly stops you. Often one small step, or one question to "
                "someone outside the situation, shows that the way out was never fully closed."
            ),
            "uk": (
                "Ви можете почуватися загнаними в кут, проте чимало пут сплетено зі страхів і старих "
                "історій, а не з реальних фактів. Погляньте ще раз, що насправді вас стримує. Часто один "
                "маленький крок або одне запитання до когось збоку показує, що вихід ніколи не був повністю "
                "закритий."
            ),
        },
        reversed_meaning={
            "en": (
                "The knots are loosening. You are starting to see your situation from a wider angle and to "
                "question the beliefs that kept you small. Keep moving at your own pace, and be patient with "
                "the part of you that still flinches."
            ),
            "uk": (
                "Вузли послаблюються. Ви починаєте бачити свою ситуацію ширше й ставити під сумнів "
                "переконання, які тримали вас у тісних рамках. Рухайтеся у власному темпі й будьте терплячі "
                "до тієї частини себе, яка ще здригається."
            ),
        },
    ),
    Card(
        id="swords-nine",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=9,
        element=Element.AIR,
        name={"en": "Nine of Swords", "uk": "Дев'ятка Мечів"},
        upright_keywords={
            "en": ("anxiety", "worry", "sleepless nights", "dread"),
            "uk": ("тривога", "неспокій", "безсонні ночі", "страх"),
        },
        reversed_keywords={
            "en": ("easing fears", "reaching out", "hope returning"),
            "uk": ("вщухання страхів", "пошук підтримки", "повернення надії"),
        },
        upright_meaning={
            "en": (
                "Worries are loudest at night, and this card points to a mind that keeps circling the same "
                "fears. Much of the weight may come from imagining the worst rather than from what is "
                "actually happening. Writing the fears down, or sharing them with someone you trust, can "
                "shrink them to their real size."
            ),
            "uk": (
                "Тривоги найгучніші вночі, і ця карта вказує на розум, що знову й знову кружляє довкола тих "
                "самих страхів. Чимало тягаря, можливо, походить від уявлення найгіршого, а не від того, що "
                "відбувається насправді. Якщо записати страхи або поділитися ними з кимось, кому довіряєте, "
                "вони зменшаться до справжнього розміру."
            ),
        },
        reversed_meaning={
            "en": (
                "The grip of worry is starting to relax, perhaps because you have spoken up or found some "
                "support. If the weight still feels too heavy to carry alone, leaning on people who care "
                "about you is a sign of strength, not weakness. Morning light makes many fears look smaller."
            ),
            "uk": (
                "Хватка тривоги починає слабшати — можливо, тому що ви про неї заговорили або знайшли "
                "підтримку. Якщо тягар досі здається надто важким, щоб нести його самотужки, спертися на "
                "тих, кому ви небайдужі, — ознака сили, а не слабкості. Ранкове світло робить багато страхів "
                "меншими."
            ),
        },
    ),
    Card(
        id="swords-ten",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=10,
        element=Element.AIR,
        name={"en": "Ten of Swords", "uk": "Десятка Мечів"},
        upright_keywords={
            "en": ("painful ending", "rock bottom", "exhaustion", "release"),
            "uk": ("болісний кінець", "саме дно", "виснаження", "завершення"),
        },
        reversed_keywords={
            "en": ("recovery", "resilience", "slow rebuilding", "refusing to let go"),
            "uk": ("відновлення", "стійкість", "поступова відбудова", "небажання відпустити"),
        },
        upright_meaning={
            "en": (
                "A difficult chapter has reached its end, and it may feel as if things cannot get worse. The "
                "upside is that an ending this clear leaves no doubt about what is over. Let yourself rest, "
                "then notice the first light on the horizon, because from here the path leads upward."
            ),
            "uk": (
                "Важкий розділ добіг кінця, і може здаватися, що гірше вже не буде. Добра новина в тому, що "
                "такий чіткий фінал не лишає сумнівів, що саме завершилося. Дайте собі перепочити, а тоді "
                "помітьте перше світло на обрії, бо звідси шлях веде лише вгору."
            ),
        },
        reversed_meaning={
            "en": (
                "The worst is behind you, and recovery has quietly begun, though it may be slower than you "
                "would like. Be careful not to reopen the wound by replaying it. Each small act of care for "
                "yourself is part of getting back on your feet."
            ),
            "uk": (
                "Найгірше позаду, і відновлення тихо почалося, хоч, можливо, повільніше, ніж хотілося б. "
                "Стежте, щоб не роз'ятрювати рану, знову й знову прокручуючи те, що сталося. Кожен маленький "
                "вияв турботи про себе допомагає стати на ноги."
            ),
        },
    ),
    Card(
        id="swords-page",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=11,
        element=Element.AIR,
        name={"en": "Page of Swords", "uk": "Паж Мечів"},
        upright_keywords={
            "en": ("curiosity", "new ideas", "vigilance", "eagerness to learn"),
            "uk": ("допитливість", "нові ідеї", "пильність", "жага знань"),
        },
        reversed_keywords={
            "en": ("gossip", "hasty words", "scattered focus"),
            "uk": ("плітки", "поспішні слова", "розпорошена увага"),
        },
        upright_meaning={
            "en": (
                "A lively, curious energy wants to ask questions and learn how things work. This is a good "
                "time to study, research, or speak up with a fresh point of view. Stay alert and open, and "
                "let your curiosity lead you toward the facts."
            ),
            "uk": (
                "Жвава, допитлива енергія хоче ставити запитання й розбиратися, як усе влаштовано. Це "
                "слушний час, щоб навчатися, досліджувати чи висловити свіжий погляд. Будьте уважні й "
                "відкриті, і нехай цікавість веде вас до фактів."
            ),
        },
        reversed_meaning={
            "en": (
                "Ideas are flying in every direction but not landing anywhere. Be wary of talking before "
                "thinking, sharing half-checked news, or poking into matters that are not yours. Focus on "
                "one question at a time and listen as much as you speak."
            ),
            "uk": (
                "Ідеї розлітаються на всі боки, але ніде не приземляються. Остерігайтеся говорити, не "
                "подумавши, поширювати неперевірені новини чи пхатися в чужі справи. Зосередьтеся на одному "
                "питанні за раз і слухайте стільки ж, скільки говорите."
            ),
        },
    ),
    Card(
        id="swords-knight",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=12,
        element=Element.AIR,
        name={"en": "Knight of Swords", "uk": "Лицар Мечів"},
        upright_keywords={
            "en": ("drive", "ambition", "decisive action", "directness"),
            "uk": ("напористість", "амбіції", "рішучі дії", "прямота"),
        },
        reversed_keywords={
            "en": ("recklessness", "impatience", "tactlessness"),
            "uk": ("безрозсудність", "нетерплячість", "нетактовність"),
        },
        upright_meaning={
            "en": (
                "Ideas turn into action at full speed. This energy is bold and direct, perfect for pushing a "
                "plan forward or defending something you believe in. Just keep an eye on who is around you, "
                "so that determination does not flatten people along the way."
            ),
            "uk": (
                "Ідеї на повній швидкості перетворюються на дії. Ця енергія смілива й пряма, вона чудово "
                "підходить, щоб просунути план або стати на захист того, у що ви вірите. Тільки стежте за "
                "тими, хто поруч, аби рішучість не збивала людей із ніг."
            ),
        },
        reversed_meaning={
            "en": (
                "Speed without direction can cause more trouble than it solves. You might be rushing into "
                "arguments, cutting corners, or saying things you will need to take back. Pause long enough "
                "to aim before charging ahead."
            ),
            "uk": (
                "Швидкість без напрямку може створити більше проблем, ніж розв'язати. Можливо, ви кидаєтеся "
                "в суперечки, робите все абияк або кажете те, що потім доведеться брати назад. Зупиніться "
                "хоч на мить, щоб прицілитися, перш ніж мчати вперед."
            ),
        },
    ),
    Card(
        id="swords-queen",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=13,
        element=Element.AIR,
        name={"en": "Queen of Swords", "uk": "Королева Мечів"},
        upright_keywords={
            "en": ("clear thinking", "honesty", "independence", "fair boundaries"),
            "uk": ("ясне мислення", "чесність", "незалежність", "чіткі межі"),
        },
        reversed_keywords={
            "en": ("coldness", "harsh judgement", "bitterness"),
            "uk": ("холодність", "суворі судження", "гіркота"),
        },
        upright_meaning={
            "en": (
                "Here is someone who sees clearly and speaks plainly, with a kindness that does not need to "
                "sugar-coat anything. Experience has taught her to trust her own judgement. Use this energy "
                "to set fair boundaries, cut through excuses, and say what you mean."
            ),
            "uk": (
                "Ця карта — про людину, яка бачить ясно й говорить прямо, з добротою, що не потребує "
                "підсолоджування. Досвід навчив її довіряти власному судженню. Скористайтеся цією енергією, "
                "щоб установити справедливі межі, відкинути виправдання й казати те, що думаєте."
            ),
        },
        reversed_meaning={
            "en": (
                "Sharpness may be turning into coldness, or old hurt is colouring how you see others. Being "
                "honest does not require being harsh. Try to let some warmth back into your words, and "
                "notice whether you are judging yourself as strictly as everyone else."
            ),
            "uk": (
                "Гострота може переходити в холодність, або давній біль забарвлює ваш погляд на інших. "
                "Чесність не вимагає жорсткості. Спробуйте повернути у свої слова трохи тепла й зверніть "
                "увагу, чи не судите ви себе так само суворо, як усіх довкола."
            ),
        },
    ),
    Card(
        id="swords-king",
        arcana=Arcana.MINOR,
        suit=Suit.SWORDS,
        rank=14,
        element=Element.AIR,
        name={"en": "King of Swords", "uk": "Король Мечів"},
        upright_keywords={
            "en": ("authority", "intellect", "fairness", "clear decisions"),
            "uk": ("авторитет", "інтелект", "справедливість", "чіткі рішення"),
        },
        reversed_keywords={
            "en": ("manipulation", "rigidity", "abuse of power"),
            "uk": ("маніпуляції", "негнучкість", "зловживання владою"),
        },
        upright_meaning={
            "en": (
                "Reason, fairness and calm authority come together in this card. It favours decisions based "
                "on facts, clear principles and honest communication. Whether you are leading or seeking "
                "advice, look for the voice that is both knowledgeable and impartial."
            ),
            "uk": (
                "У цій карті поєднуються розум, справедливість і спокійний авторитет. Вона сприяє рішенням, "
                "що спираються на факти, чіткі принципи й чесне спілкування. Чи то ви ведете інших, чи "
                "шукаєте поради, дослухайтеся до голосу, який водночас обізнаний і неупереджений."
            ),
        },
        reversed_meaning={
            "en": (
                "Intelligence can be used to control rather than to clarify. Watch for rigid rules applied "
                "without compassion, or clever arguments that serve only one side. If you hold power here, "
                "use it with openness; if someone else does, ask for clear reasons."
            ),
            "uk": (
                "Розум можна використати, щоб контролювати, а не прояснювати. Зверніть увагу на жорсткі "
                "правила без співчуття чи спритні аргументи, вигідні лише одній стороні. Якщо влада у ваших "
                "руках, користуйтеся нею відкрито; якщо в чужих — просіть чітких пояснень."
            ),
        },
    ),
)
