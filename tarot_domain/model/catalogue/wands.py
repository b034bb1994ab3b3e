"""The suit of Wands (fire), ace to king, in our own words in English and Ukrainian."""

from tarot_domain.model.cards import Arcana, Card, Element, Suit

CARDS: tuple[Card, ...] = (
    Card(
        id="wands-ace",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=1,
        element=Element.FIRE,
        name={"en": "Ace of Wands", "uk": "Туз Жезлів"},
        upright_keywords={
            "en": ("inspiration", "new venture", "creative spark", "enthusiasm"),
            "uk": ("натхнення", "новий задум", "творча іскра", "ентузіазм"),
        },
        reversed_keywords={
            "en": ("delays", "false start", "lack of direction", "low motivation"),
            "uk": ("затримки", "фальстарт", "брак напрямку", "слабка мотивація"),
        },
        upright_meaning={
            "en": (
                "A fresh burst of energy arrives, often as an idea you cannot stop thinking about. This is a "
                "good moment to act on that spark while it is still hot, even with a small first step. "
                "Passion and courage are on your side now."
            ),
            "uk": (
                "Приходить свіжий заряд енергії, часто у вигляді ідеї, яка не дає вам спокою. Це слушний "
                "момент, щоб утілити цю іскру, поки вона ще гаряча, хай навіть маленьким першим кроком. "
                "Зараз пристрасть і сміливість на вашому боці."
            ),
        },
        reversed_meaning={
            "en": (
                "The spark is there, but something keeps it from catching: doubt, distraction or poor "
                "timing. Rather than forcing things, ask what you truly want to create and what is draining "
                "your drive. A pause can help the idea mature before you try again."
            ),
            "uk": (
                "Іскра є, але щось заважає їй розгорітися: сумніви, розпорошеність чи невдалий час. Замість "
                "того щоб тиснути, запитайте себе, що ви насправді хочете створити і що виснажує ваш запал. "
                "Пауза може допомогти ідеї дозріти перед новою спробою."
            ),
        },
    ),
    Card(
        id="wands-two",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=2,
        element=Element.FIRE,
        name={"en": "Two of Wands", "uk": "Двійка Жезлів"},
        upright_keywords={
            "en": ("planning", "future vision", "decisions", "leaving the comfort zone"),
            "uk": ("планування", "погляд у майбутнє", "рішення", "вихід із зони комфорту"),
        },
        reversed_keywords={
            "en": ("fear of the unknown", "indecision", "playing it safe"),
            "uk": ("страх невідомого", "нерішучість", "надмірна обережність"),
        },
        upright_meaning={
            "en": (
                "You have a foothold and now look toward a wider horizon. The card invites you to map out "
                "your next steps and weigh the options before committing. Your world can grow larger than it "
                "is now, if you are willing to plan boldly."
            ),
            "uk": (
                "Ви вже маєте опору і тепер дивитеся на ширший обрій. Карта запрошує окреслити наступні "
                "кроки та зважити варіанти, перш ніж ухвалити рішення. Ваш світ може стати більшим, ніж "
                "зараз, якщо ви наважитеся сміливо планувати."
            ),
        },
        reversed_meaning={
            "en": (
                "Plans may stay on paper because the familiar feels safer than the unknown. Notice whether "
                "caution is protecting you or simply holding you back. Even a modest move outward can break "
                "the stalemate and restore a sense of direction."
            ),
            "uk": (
                "Плани можуть так і лишитися на папері, бо знайоме здається безпечнішим за невідоме. "
                "Зверніть увагу, чи обережність вас захищає, чи просто стримує. Навіть невеликий крок "
                "назовні здатен зрушити справу з мертвої точки й повернути відчуття напрямку."
            ),
        },
    ),
    Card(
        id="wands-three",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=3,
        element=Element.FIRE,
        name={"en": "Three of Wands", "uk": "Трійка Жезлів"},
        upright_keywords={
            "en": ("expansion", "foresight", "progress", "wider horizons"),
            "uk": ("розширення", "далекоглядність", "поступ", "ширші обрії"),
        },
        reversed_keywords={
            "en": ("setbacks", "frustrating delays", "limited vision"),
            "uk": ("перешкоди", "прикрі затримки", "вузький погляд"),
        },
        upright_meaning={
            "en": (
                "What you set in motion is beginning to pay off, and new possibilities appear on the "
                "horizon. This is a time to think bigger, look ahead and prepare for growth. Your earlier "
                "efforts give you a solid base for the next stage."
            ),
            "uk": (
                "Те, що ви започаткували, починає приносити плоди, а на обрії з'являються нові можливості. "
                "Це час мислити ширше, дивитися вперед і готуватися до зростання. Ваші попередні зусилля "
                "дають надійну основу для наступного етапу."
            ),
        },
        reversed_meaning={
            "en": (
                "Progress may feel slower than you hoped, or plans meet obstacles you did not foresee. "
                "Instead of giving up, review your expectations and look for what can be adjusted. Sometimes "
                "a delay reveals a better route than the one you first chose."
            ),
            "uk": (
                "Поступ може здаватися повільнішим, ніж ви сподівалися, або плани наштовхуються на "
                "непередбачені перешкоди. Замість того щоб здаватися, перегляньте свої очікування й "
                "пошукайте, що можна підлаштувати. Іноді затримка відкриває кращий шлях, ніж той, який ви "
                "обрали спершу."
            ),
        },
    ),
    Card(
        id="wands-four",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=4,
        element=Element.FIRE,
        name={"en": "Four of Wands", "uk": "Четвірка Жезлів"},
        upright_keywords={
            "en": ("celebration", "homecoming", "harmony", "milestone"),
            "uk": ("свято", "повернення додому", "гармонія", "важливий етап"),
        },
        reversed_keywords={
            "en": ("tension at home", "postponed celebration", "feeling unwelcome"),
            "uk": ("напруга вдома", "відкладене свято", "відчуття чужості"),
        },
        upright_meaning={
            "en": (
                "A moment of joy and stability invites you to pause and celebrate what you have built. "
                "Gatherings, reunions or simply feeling at home with the people around you are highlighted. "
                "Let yourself enjoy the milestone before rushing on to the next goal."
            ),
            "uk": (
                "Мить радості й стабільності запрошує зупинитися та відсвяткувати те, що ви збудували. На "
                "перший план виходять зустрічі, возз'єднання чи просто відчуття дому поруч із близькими "
                "людьми. Дозвольте собі насолодитися досягненням, перш ніж бігти до наступної мети."
            ),
        },
        reversed_meaning={
            "en": (
                "The sense of belonging may feel shaky, or a celebration does not go as planned. Small "
                "frictions at home or in a group deserve gentle attention rather than avoidance. Stability "
                "can return once people feel heard and welcome again."
            ),
            "uk": (
                "Відчуття приналежності може похитнутися, або свято йде не за планом. Дрібні тертя вдома чи "
                "в колективі варто помітити й делікатно владнати, а не обходити стороною. Стабільність "
                "повернеться, коли люди знову відчують, що їх чують і їм раді."
            ),
        },
    ),
    Card(
        id="wands-five",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=5,
        element=Element.FIRE,
        name={"en": "Five of Wands", "uk": "П'ятірка Жезлів"},
        upright_keywords={
            "en": ("competition", "conflict", "clashing ideas", "rivalry"),
            "uk": ("суперництво", "конфлікт", "зіткнення думок", "змагання"),
        },
        reversed_keywords={
            "en": ("avoiding conflict", "finding common ground", "inner tension"),
            "uk": ("уникнення конфлікту", "пошук спільної мови", "внутрішня напруга"),
        },
        upright_meaning={
            "en": (
                "Many voices compete for attention, and energy is spent on friction rather than progress. "
                "This can be healthy competition that sharpens your skills, or simply noise. Ask whether the "
                "struggle serves a shared goal, and look for ways to turn rivals into collaborators."
            ),
            "uk": (
                "Багато голосів змагаються за увагу, і сили йдуть на тертя, а не на поступ. Це може бути "
                "здорове суперництво, що відточує ваші навички, або просто метушня. Запитайте себе, чи "
                "служить ця боротьба спільній меті, і пошукайте, як перетворити суперників на союзників."
            ),
        },
        reversed_meaning={
            "en": (
                "The conflict may be winding down, or it has gone underground and turned into quiet tension. "
                "Avoiding every disagreement can leave important issues unresolved. An honest, calm "
                "conversation may clear the air better than keeping the peace at any cost."
            ),
            "uk": (
                "Конфлікт може вщухати, а може просто піти в тінь і перетворитися на приховану напругу. Якщо "
                "уникати будь-яких суперечок, важливі питання лишаються нерозв'язаними. Чесна й спокійна "
                "розмова здатна розрядити атмосферу краще, ніж мир за будь-яку ціну."
            ),
        },
    ),
    Card(
        id="wands-six",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=6,
        element=Element.FIRE,
        name={"en": "Six of Wands", "uk": "Шістка Жезлів"},
        upright_keywords={
            "en": ("victory", "recognition", "confidence", "public praise"),
            "uk": ("перемога", "визнання", "впевненість", "схвалення оточення"),
        },
        reversed_keywords={
            "en": ("self-doubt", "need for approval", "unnoticed effort"),
            "uk": ("невпевненість у собі", "потреба у схваленні", "непомічені зусилля"),
        },
        upright_meaning={
            "en": (
                "Your efforts are being noticed, and success brings a well-earned boost of confidence. "
                "Accept praise graciously and let it remind you of what you are capable of. Recognition can "
                "also open doors, so share your achievements rather than hiding them."
            ),
            "uk": (
                "Ваші зусилля помічають, і успіх дає заслужений приплив упевненості. Приймайте похвалу з "
                "гідністю, і нехай вона нагадує вам, на що ви здатні. Визнання може відчинити нові двері, "
                "тож не приховуйте своїх досягнень, а діліться ними."
            ),
        },
        reversed_meaning={
            "en": (
                "You may be waiting for applause that does not come, or doubting a success you have truly "
                "earned. Try to measure your progress by your own values rather than by others' reactions. "
                "Quiet achievements still count, even when nobody is cheering."
            ),
            "uk": (
                "Можливо, ви чекаєте оплесків, яких немає, або сумніваєтеся в успіху, який справді "
                "заслужили. Спробуйте оцінювати свій поступ за власними цінностями, а не за реакцією інших. "
                "Тихі досягнення теж важать, навіть коли ніхто не аплодує."
            ),
        },
    ),
    Card(
        id="wands-seven",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=7,
        element=Element.FIRE,
        name={"en": "Seven of Wands", "uk": "Сімка Жезлів"},
        upright_keywords={
            "en": ("standing your ground", "perseverance", "defending your position", "courage"),
            "uk": ("відстоювання позиції", "наполегливість", "захист своїх меж", "мужність"),
        },
        reversed_keywords={
            "en": ("feeling overwhelmed", "giving up under pressure", "defensiveness"),
            "uk": ("відчуття перевантаження", "поступки під тиском", "оборонна позиція"),
        },
        upright_meaning={
            "en": (
                "You have something worth protecting, and others may challenge it. The card encourages you "
                "to hold your position with conviction while staying open to fair criticism. Being on higher "
                "ground gives you an advantage, so trust your preparation and keep going."
            ),
            "uk": (
                "Ви маєте те, що варто захищати, і хтось може кинути вам виклик. Карта заохочує твердо "
                "стояти на своєму, залишаючись відкритими до слушної критики. Ви займаєте вигідну позицію, "
                "тож довіряйте своїй підготовці й не зупиняйтеся."
            ),
        },
        reversed_meaning={
            "en": (
                "Constant pressure may be wearing you down, making it tempting to give up or to lash out. "
                "Check which battles truly matter and which can be let go. Asking for support is not a "
                "defeat, and it can restore the strength you need."
            ),
            "uk": (
                "Постійний тиск може виснажувати вас, і з'являється спокуса або здатися, або різко "
                "відповісти. Визначте, які битви справді важливі, а від яких можна відмовитися. Попросити "
                "про підтримку не означає зазнати поразки, натомість це може повернути вам потрібні сили."
            ),
        },
    ),
    Card(
        id="wands-eight",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=8,
        element=Element.FIRE,
        name={"en": "Eight of Wands", "uk": "Вісімка Жезлів"},
        upright_keywords={
            "en": ("swift movement", "news", "momentum", "quick progress"),
            "uk": ("стрімкий рух", "новини", "динаміка", "швидкий поступ"),
        },
        reversed_keywords={
            "en": ("delays", "haste", "scattered energy", "miscommunication"),
            "uk": ("затримки", "поспіх", "розпорошена енергія", "непорозуміння"),
        },
        upright_meaning={
            "en": (
                "Things start moving quickly after a period of waiting. Messages, travel or decisions may "
                "arrive in quick succession, so stay alert and ready to respond. Ride this momentum while it "
                "lasts, keeping your focus on where you actually want to land."
            ),
            "uk": (
                "Після періоду очікування все починає рухатися швидко. Повідомлення, поїздки чи рішення "
                "можуть надходити одне за одним, тож будьте уважні й готові реагувати. Використайте цей "
                "розгін, поки він триває, не забуваючи, куди саме хочете дістатися."
            ),
        },
        reversed_meaning={
            "en": (
                "Energy that should flow freely may be stuck or scattered in too many directions. Plans "
                "might stall, or you may feel pushed to act before you are ready. Slow down enough to "
                "clarify your aim, and double-check important messages."
            ),
            "uk": (
                "Енергія, яка мала б вільно текти, може застрягати або розпорошуватися на надто багато "
                "напрямків. Плани можуть загальмувати, або ж вас підганяють діяти раніше, ніж ви готові. "
                "Пригальмуйте, щоб чіткіше побачити мету, і перевіряйте важливі повідомлення двічі."
            ),
        },
    ),
    Card(
        id="wands-nine",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=9,
        element=Element.FIRE,
        name={"en": "Nine of Wands", "uk": "Дев'ятка Жезлів"},
        upright_keywords={
            "en": ("resilience", "persistence", "last stretch", "boundaries"),
            "uk": ("стійкість", "наполегливість", "останній ривок", "особисті межі"),
        },
        reversed_keywords={
            "en": ("exhaustion", "suspicion", "refusing help"),
            "uk": ("виснаження", "підозріливість", "відмова від допомоги"),
        },
        upright_meaning={
            "en": (
                "You have been through a lot and may feel battle-worn, yet you are still standing. The goal "
                "is closer than it seems, so gather your remaining strength for the final stretch. Protect "
                "your energy with clear boundaries, but do not let old wounds make you see threats "
                "everywhere."
            ),
            "uk": (
                "Ви багато пережили й, можливо, почуваєтеся втомленими від боротьби, але все ще тримаєтеся. "
                "Мета ближча, ніж здається, тож зберіть сили для останнього ривка. Бережіть свою енергію за "
                "допомогою чітких меж, але не дозволяйте старим ранам змушувати вас бачити загрозу всюди."
            ),
        },
        reversed_meaning={
            "en": (
                "Fatigue may be turning into defensiveness or a sense that you must fight alone. Consider "
                "whether you are guarding against dangers that have already passed. Rest and accepting a "
                "helping hand can be the wisest way to finish what you started."
            ),
            "uk": (
                "Утома може переростати в настороженість або відчуття, що боротися доведеться самотужки. "
                "Подумайте, чи не захищаєтеся ви від небезпек, які вже минули. Відпочинок і готовність "
                "прийняти допомогу можуть стати наймудрішим способом завершити розпочате."
            ),
        },
    ),
    Card(
        id="wands-ten",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=10,
        element=Element.FIRE,
        name={"en": "Ten of Wands", "uk": "Десятка Жезлів"},
        upright_keywords={
            "en": ("burden", "responsibility", "overload", "hard work"),
            "uk": ("тягар", "відповідальність", "перевантаження", "важка праця"),
        },
        reversed_keywords={
            "en": ("delegating", "letting go", "burnout"),
            "uk": ("делегування", "уміння відпустити", "вигорання"),
        },
        upright_meaning={
            "en": (
                "You may be carrying more than your share, taking on tasks out of duty or habit. The effort "
                "is real and the finish line may be near, but the load is heavy. Look at what truly needs to "
                "be yours and what could be shared or set aside."
            ),
            "uk": (
                "Можливо, ви несете більше, ніж вам належить, беручи на себе справи з почуття обов'язку чи "
                "за звичкою. Зусилля справжні, і фініш, можливо, близько, але ноша важка. Подумайте, що "
                "справді мусить лишатися на вас, а чим можна поділитися або що відкласти."
            ),
        },
        reversed_meaning={
            "en": (
                "The weight has either become too much or you are finally ready to put some of it down. "
                "Saying no, delegating or dropping outdated commitments can bring real relief. Ignoring the "
                "signs of strain, however, may lead to exhaustion."
            ),
            "uk": (
                "Тягар або став непосильним, або ви нарешті готові скинути його частину. Відмова, "
                "делегування чи прощання із застарілими зобов'язаннями можуть принести справжнє полегшення. "
                "Якщо ж ігнорувати ознаки напруги, це може призвести до виснаження."
            ),
        },
    ),
    Card(
        id="wands-page",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=11,
        element=Element.FIRE,
        name={"en": "Page of Wands", "uk": "Паж Жезлів"},
        upright_keywords={
            "en": ("curiosity", "exploration", "enthusiasm", "exciting news"),
            "uk": ("допитливість", "дослідження", "захоплення", "цікаві новини"),
        },
        reversed_keywords={
            "en": ("impatience", "unfinished plans", "scattered ideas"),
            "uk": ("нетерплячість", "незавершені плани", "розпорошені ідеї"),
        },
        upright_meaning={
            "en": (
                "A curious, adventurous spirit calls you to try something new without needing to master it "
                "straight away. News or an invitation may spark fresh excitement. Follow your interest "
                "playfully, experiment and see where this first flame of enthusiasm leads."
            ),
            "uk": (
                "Допитливий, авантюрний дух кличе спробувати щось нове, не вимагаючи від себе одразу "
                "досконалості. Новина чи запрошення можуть розпалити свіже захоплення. Ідіть за своїм "
                "інтересом легко й грайливо, експериментуйте і подивіться, куди приведе цей перший вогник "
                "ентузіазму."
            ),
        },
        reversed_meaning={
            "en": (
                "Enthusiasm flares up and fades quickly, leaving a trail of half-started projects. You may "
                "feel restless or unsure which idea deserves your time. Choose one small thing to see "
                "through, and let that build the confidence that bigger plans require."
            ),
            "uk": (
                "Захоплення спалахує і швидко згасає, залишаючи по собі низку напівпочатих справ. Ви можете "
                "відчувати неспокій або не знати, якій ідеї присвятити час. Оберіть одну невелику справу й "
                "доведіть її до кінця, адже це додасть упевненості, потрібної для більших задумів."
            ),
        },
    ),
    Card(
        id="wands-knight",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=12,
        element=Element.FIRE,
        name={"en": "Knight of Wands", "uk": "Лицар Жезлів"},
        upright_keywords={
            "en": ("adventure", "passion", "bold action", "spontaneity"),
            "uk": ("пригоди", "пристрасть", "рішучі дії", "спонтанність"),
        },
        reversed_keywords={
            "en": ("recklessness", "impulsiveness", "burnout", "restlessness"),
            "uk": ("безрозсудність", "імпульсивність", "вигорання", "неспокій"),
        },
        upright_meaning={
            "en": (
                "Energy surges and you feel ready to charge toward what excites you. This is a time for "
                "courage, travel, new ventures and acting on passion. Your boldness is an asset, as long as "
                "you keep an eye on where you are heading."
            ),
            "uk": (
                "Енергія вирує, і ви готові кинутися назустріч тому, що вас захоплює. Це час для сміливості, "
                "подорожей, нових починань і дій, продиктованих пристрастю. Ваша відвага стане в пригоді, "
                "якщо не втрачати з поля зору, куди саме ви прямуєте."
            ),
        },
        reversed_meaning={
            "en": (
                "Speed without direction can turn into recklessness or a string of abandoned starts. "
                "Impatience may push you into decisions you later regret. Channel this fire into one clear "
                "aim, and check whether your haste is truly serving you."
            ),
            "uk": (
                "Швидкість без напрямку може обернутися безрозсудністю або низкою покинутих починань. "
                "Нетерплячість здатна штовхнути до рішень, про які згодом пошкодуєте. Спрямуйте цей вогонь "
                "на одну чітку мету й перевірте, чи справді поспіх іде вам на користь."
            ),
        },
    ),
    Card(
        id="wands-queen",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=13,
        element=Element.FIRE,
        name={"en": "Queen of Wands", "uk": "Королева Жезлів"},
        upright_keywords={
            "en": ("confidence", "warmth", "determination", "charisma"),
            "uk": ("впевненість", "теплота", "цілеспрямованість", "харизма"),
        },
        reversed_keywords={
            "en": ("insecurity", "jealousy", "demanding attitude", "self-neglect"),
            "uk": ("невпевненість", "ревнощі", "надмірна вимогливість", "нехтування собою"),
        },
        upright_meaning={
            "en": (
                "Warm, self-assured and full of life, this queen shows the strength of being fully yourself. "
                "Your enthusiasm can inspire others and your determination helps you juggle many roles. "
                "Trust your instincts and let your natural charisma shine without apology."
            ),
            "uk": (
                "Тепла, упевнена й сповнена життя, ця Королева показує силу бути собою повною мірою. Ваш "
                "ентузіазм здатен надихати інших, а цілеспрямованість допомагає поєднувати безліч ролей. "
                "Довіряйте своїм інстинктам і дозвольте природній харизмі сяяти, не виправдовуючись."
            ),
        },
        reversed_meaning={
            "en": (
                "The fire may be dimmed by self-doubt, or it may burn too hot and turn into jealousy or "
                "control. You might be giving your energy to everyone except yourself. Reconnect with what "
                "makes you feel alive, and lead from warmth rather than pressure."
            ),
            "uk": (
                "Вогонь може пригаснути через невпевненість або, навпаки, палати надто сильно, "
                "перетворюючись на ревнощі чи бажання контролювати. Можливо, ви віддаєте енергію всім, крім "
                "себе. Поверніться до того, що наповнює вас життям, і впливайте теплом, а не тиском."
            ),
        },
    ),
    Card(
        id="wands-king",
        arcana=Arcana.MINOR,
        suit=Suit.WANDS,
        rank=14,
        element=Element.FIRE,
        name={"en": "King of Wands", "uk": "Король Жезлів"},
        upright_keywords={
            "en": ("vision", "leadership", "entrepreneurship", "boldness"),
            "uk": ("бачення", "лідерство", "підприємливість", "сміливість"),
        },
        reversed_keywords={
            "en": ("domineering", "impulsive decisions", "arrogance"),
            "uk": ("владність", "імпульсивні рішення", "зарозумілість"),
        },
        upright_meaning={
            "en": (
                "A natural leader with a clear vision, this king turns ideas into movements that others want "
                "to join. He suggests taking charge, thinking long-term and inspiring people through "
                "example. Your confidence and sense of purpose can set the direction for everyone around "
                "you."
            ),
            "uk": (
                "Природжений лідер із ясним баченням, цей Король перетворює ідеї на справу, до якої хочуть "
                "долучитися інші. Він радить брати ініціативу у свої руки, мислити на перспективу й надихати "
                "людей власним прикладом. Ваша впевненість і відчуття мети можуть задавати напрям усім "
                "довкола."
            ),
        },
        reversed_meaning={
            "en": (
                "Strong energy may tip into impatience, arrogance or a need to control every detail. Big "
                "plans launched without listening to others can stumble. Leadership works best when it "
                "inspires rather than commands, so check whether your vision still leaves room for other "
                "voices."
            ),
            "uk": (
                "Потужна енергія може переходити в нетерплячість, зарозумілість або прагнення контролювати "
                "кожну дрібницю. Великі плани, запущені без уваги до думки інших, можуть спіткнутися. "
                "Лідерство найкраще працює, коли надихає, а не наказує, тож перевірте, чи лишає ваше бачення "
                "місце для інших голосів."
            ),
        },
    ),
)
