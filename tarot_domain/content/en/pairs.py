"""Meaningful pairs in English: what two cards say together, read as one story, without naming either card."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

PAIRS: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        (
            "major-13-death",
            "major-17-star",
        ): "An ending clears the ground, and hope slowly moves into the space it leaves. What you let go of now makes room for a quiet, genuine renewal.",
        (
            "major-16-tower",
            "major-17-star",
        ): "A shock that breaks a false structure is followed by quiet repair. Once things settle, you can see what is worth rebuilding and trust yourself to do it.",
        (
            "major-06-lovers",
            "major-15-devil",
        ): "Attraction and attachment are tangled here. The real question is whether a bond is freely chosen or held together by fear, habit or need.",
        (
            "major-18-moon",
            "major-19-sun",
        ): "Confusion gives way to clarity. Fears that felt enormous shrink once the facts are in plain view, and that moment is nearer than it seems.",
        (
            "major-09-hermit",
            "major-21-world",
        ): "A long inward journey reaches its completion. Time alone has given you a whole understanding of yourself, and now it is ready to be lived among other people.",
        (
            "major-13-death",
            "major-16-tower",
        ): "Change comes both as a sudden jolt and as a slow, unavoidable ending. What has run its course is leaving, and holding on costs more than letting go.",
        (
            "major-13-death",
            "major-19-sun",
        ): "After a real ending, warmth and vitality return. Closing this chapter does not leave you empty; it frees energy for something brighter and simpler.",
        (
            "major-00-fool",
            "major-21-world",
        ): "One cycle closes and the next begins almost in the same breath. Completion here is also an invitation to start again, wiser and lighter than before.",
        (
            "major-00-fool",
            "major-01-magician",
        ): "A fresh impulse meets the skill to make it real. The leap is no longer blind, because you already have everything the first step needs.",
        (
            "major-01-magician",
            "major-02-high-priestess",
        ): "Outer action and inner knowing need each other now. Act on what you can do, but let the quiet hunch choose the direction.",
        (
            "major-03-empress",
            "major-04-emperor",
        ): "Care and structure balance each other. Growth needs a generous heart and a firm frame; lean too far either way and things either wither or harden.",
        (
            "major-04-emperor",
            "major-05-hierophant",
        ): "Authority and tradition stand shoulder to shoulder. Rules, institutions and established ways carry real weight; work within them, or know exactly why you are stepping outside.",
        (
            "major-05-hierophant",
            "major-06-lovers",
        ): "A personal bond meets the question of commitment and shared values. This can mean a formal step together, or a choice between what is expected and what you feel.",
        (
            "major-06-lovers",
            "major-19-sun",
        ): "Love is out in the open, and it feels good. A warm, honest bond thrives, and a choice made from the heart brings joy that others can see too.",
        (
            "major-07-chariot",
            "major-08-strength",
        ): "Drive and patience work as a team. Progress comes from steady will rather than force, and the calmer you are with your own impulses, the further you go.",
        (
            "major-08-strength",
            "major-15-devil",
        ): "Quiet courage rises to face a compulsive pull. Gentle, steady self-mastery loosens what force and shame could not.",
        (
            "major-02-high-priestess",
            "major-09-hermit",
        ): "Silence is where the answers come from now. Solitude and intuition both point inward, to knowledge you already hold but have not yet put into words.",
        (
            "major-09-hermit",
            "major-17-star",
        ): "Time alone restores a sense of direction. Quiet reflection turns into renewed faith, and the guidance you were looking for turns out to be your own.",
        (
            "major-10-wheel-of-fortune",
            "major-21-world",
        ): "A turn of circumstances brings a chapter to its natural close. Things come full circle, and what you finish now prepares the ground for the next rise.",
        (
            "major-10-wheel-of-fortune",
            "major-13-death",
        ): "A cycle that has run its course ends of its own accord. The change is bigger than any single decision, and moving with it is easier than bracing against it.",
        (
            "major-10-wheel-of-fortune",
            "major-16-tower",
        ): "Circumstances shift quickly and without warning. What happens suddenly now is a turn rather than a collapse, so stay flexible and look for the opening it creates.",
        (
            "major-11-justice",
            "major-20-judgement",
        ): "This is a time of reckoning with your own choices. Consequences surface, an honest account is due, and owning your part sets you free rather than condemning you.",
        (
            "major-06-lovers",
            "major-11-justice",
        ): "A choice of the heart asks to be made with open eyes. Weigh honestly what is fair to you and to the other person, because love in balance is the kind that lasts.",
        (
            "major-10-wheel-of-fortune",
            "major-11-justice",
        ): "This turn of events is cause and effect at work. What was set in motion earlier returns now, and fair dealing today shapes what comes round next.",
        (
            "major-12-hanged-man",
            "major-13-death",
        ): "Surrender comes first and release follows. Once you stop forcing the outcome, what needs to end can end gently, and a different view of it opens up.",
        (
            "major-09-hermit",
            "major-12-hanged-man",
        ): "A deliberate pause deepens into real reflection. Stepping back from the race is not lost time; the answer needs stillness before it shows itself.",
        (
            "major-14-temperance",
            "major-15-devil",
        ): "Moderation is the way out of a compulsive pull. Small, balanced steps loosen an excess more reliably than harsh bans, which only feed it.",
        (
            "major-14-temperance",
            "major-17-star",
        ): "Inner repair comes through patience and a gentle rhythm. Hope grows steadily when you give yourself time, and balance restored slowly tends to hold.",
        (
            "major-15-devil",
            "major-16-tower",
        ): "A trap cracks open, perhaps abruptly. The pattern that held you cannot hold much longer, and its fall, however jarring, is a release.",
        (
            "major-17-star",
            "major-18-moon",
        ): "Hope walks through uncertainty. Trust the faint but real sense of direction even when the road is unclear and your fears speak louder than the facts.",
        (
            "major-17-star",
            "major-19-sun",
        ): "Quiet hope ripens into open joy. What began as a tentative recovery gathers warmth and confidence, and this is a good time to let yourself be seen.",
        (
            "major-02-high-priestess",
            "major-18-moon",
        ): "Intuition runs strong, and so does imagination. Dreams and hunches carry real information now, but check which ones come from knowing and which from fear.",
        (
            "major-16-tower",
            "major-18-moon",
        ): "Unease that has been building under the surface breaks into the open. The truth that comes out is uncomfortable, yet it ends a long stretch of guessing.",
        (
            "major-19-sun",
            "major-21-world",
        ): "This is success that feels complete and deserved. Effort pays off in a way you can enjoy openly, and a goal reached now brings genuine satisfaction.",
        (
            "major-13-death",
            "major-20-judgement",
        ): "An ending becomes an awakening. Something closes for good, and from it comes a clear call to live differently, with no wish to go back.",
        (
            "major-20-judgement",
            "major-21-world",
        ): "A calling answered leads to a sense of wholeness. You see your path from end to end, accept all of it and step into a wider chapter.",
        (
            "major-00-fool",
            "major-16-tower",
        ): "A leap into the unknown may shake up more than you planned. Spontaneity is welcome, but think about what your jump could knock loose.",
        (
            "major-00-fool",
            "major-12-hanged-man",
        ): "Eagerness to start meets a call to wait. The new beginning is real, but it will make more sense once you let go of how you imagined it would go.",
        (
            "major-01-magician",
            "major-15-devil",
        ): "Skill and persuasion are strong here, and so is the temptation to use them for control. Ask who really benefits from what you are making happen.",
        (
            "major-01-magician",
            "major-07-chariot",
        ): "Ability and momentum arrive together. You have both the means and the drive, so a focused plan can move quickly from intention to visible progress.",
        (
            "major-03-empress",
            "major-17-star",
        ): "Nourishment and hope strengthen each other. A gentle season of replenishment begins, creativity returns, and caring for yourself becomes the task itself rather than a luxury.",
        (
            "major-03-empress",
            "major-19-sun",
        ): "Abundance and warmth reach their peak. Whatever you have nurtured, a project, a family or a body of work, grows visibly, and your pleasure in it is well earned.",
        (
            "major-04-emperor",
            "major-07-chariot",
        ): "Discipline channels ambition. With clear rules and firm control you can push forward decisively, as long as command does not stiffen into rigidity.",
        (
            "major-04-emperor",
            "major-16-tower",
        ): "A rigid order meets a shock it cannot absorb. Control that had grown too tight gives way, and what gets rebuilt can be sturdier because it is allowed to bend.",
        (
            "major-05-hierophant",
            "major-15-devil",
        ): "Conformity can become a trap of its own. Ask whether a rule, a group or a belief still guides you, or merely keeps you obedient through fear or guilt.",
        (
            "major-06-lovers",
            "major-16-tower",
        ): "A relationship or a heartfelt choice is shaken by a sudden truth. What survives the jolt is real, and what does not was resting on an illusion.",
        (
            "major-08-strength",
            "major-09-hermit",
        ): "Inner fortitude grows in quiet. Patience with yourself and time for reflection build a calm resilience that has no need of an audience.",
        (
            "major-07-chariot",
            "major-10-wheel-of-fortune",
        ): "Your momentum coincides with a turn in circumstances. Move with the change rather than against it, and a favourable shift can take your plans further than effort alone.",
        (
            "major-12-hanged-man",
            "major-20-judgement",
        ): "A long suspension ends in a clear realisation. Seeing things from a new angle has prepared you, and now the call to act on it is hard to ignore.",
        (
            "major-13-death",
            "major-14-temperance",
        ): "Transformation unfolds gradually rather than abruptly. An ending is being absorbed step by step, and a new balance forms even as the old one dissolves.",
        (
            "major-02-high-priestess",
            "major-03-empress",
        ): "Intuition and fertile feeling work together. Something growing quietly beneath the surface is not yet ready to be shown, so protect it and let it ripen.",
        (
            "major-19-sun",
            "major-20-judgement",
        ): "Clarity brings a joyful reawakening. You see plainly what you want to say yes to, and saying it openly gives you a fresh start with nothing to hide.",
        (
            "major-04-emperor",
            "major-11-justice",
        ): "Structure and fairness reinforce each other. Clear agreements and consistent rules serve you well now, especially where the balance of power is uneven.",
        (
            "major-15-devil",
            "major-18-moon",
        ): "Fear and craving feed each other out of sight. A habit hides behind anxiety and the anxiety behind the habit; naming either one honestly loosens both.",
        (
            "major-16-tower",
            "swords-three",
        ): "A sudden revelation hurts exactly where it lands. The pain is sharp and real, yet the truth behind it ends a situation that was built on something false.",
        (
            "cups-two",
            "major-06-lovers",
        ): "Mutual attraction becomes a conscious choice. Feelings are returned, and the bond deepens when both of you choose it for the same reasons.",
        (
            "major-10-wheel-of-fortune",
            "wands-eight",
        ): "Things speed up all at once. A turn of events sets news, travel or decisions moving quickly, so be ready to respond without long deliberation.",
        (
            "major-15-devil",
            "swords-eight",
        ): "The trap is held together largely by belief. Fear and habit make the limits look fixed, but far more of the way out is open than it feels.",
        (
            "cups-ace",
            "major-03-empress",
        ): "Love and abundance amplify each other. New feeling finds fertile ground, whether as a relationship, a creative project or a deep wish to care for someone.",
        (
            "major-13-death",
            "swords-ten",
        ): "Something is unmistakably over. The ending is painful and final, and accepting that it cannot be revived is exactly what lets recovery begin.",
        (
            "major-13-death",
            "swords-six",
        ): "Leaving a chapter behind becomes a real transition. The move away is sad but steadying, and calmer times lie ahead once you accept there is no going back.",
        (
            "cups-five",
            "major-13-death",
        ): "Grief for what has ended is fully justified. Mourn it honestly, and in time notice that not everything was lost along with it.",
        (
            "major-17-star",
            "swords-nine",
        ): "Hope arrives in the middle of relentless worry. The fears are loud, but they are not the whole story, and a small, real reason for faith is already here.",
        (
            "major-17-star",
            "swords-six",
        ): "Moving on brings relief and renewed faith. A calmer stretch lies ahead after a hard period, and distance from the old trouble lets hope take root.",
        (
            "cups-seven",
            "major-18-moon",
        ): "Illusion piles on illusion. Options look more tempting or more frightening than they really are, so wait for facts before committing to any of them.",
        (
            "major-18-moon",
            "swords-nine",
        ): "Fears grow far bigger than the facts behind them. Anxiety and imagination amplify each other, while rest and plain information usually shrink them back.",
        (
            "major-18-moon",
            "swords-two",
        ): "A refusal to look meets a situation that is genuinely unclear. Indecision thickens the fog, yet even one reliable fact makes choosing possible.",
        (
            "cups-six",
            "major-19-sun",
        ): "Simple, almost childlike joy returns. Old friendships, family warmth or a happy memory brighten the present and remind you what genuinely makes you glad.",
        (
            "major-19-sun",
            "wands-six",
        ): "Success is visible and publicly recognised. Your achievement is seen and celebrated, and accepting the praise without shrinking from it is part of the lesson.",
        (
            "major-19-sun",
            "wands-four",
        ): "A joyful milestone is worth marking. A homecoming, a celebration or a settled, happy household comes to the fore, and the mood is openly warm.",
        (
            "cups-six",
            "major-20-judgement",
        ): "The past comes back for a reason. An old connection or memory resurfaces, asking to be seen in a new light and either renewed or finally released.",
        (
            "major-20-judgement",
            "swords-ace",
        ): "A moment of complete clarity arrives. You finally see the truth of a situation without distortion, and acting on that insight marks a real turning point.",
        (
            "major-21-world",
            "wands-three",
        ): "Horizons widen after a completed stage. Travel, work abroad or a broader reach become realistic now that the foundation is finished.",
        (
            "major-21-world",
            "pentacles-ten",
        ): "Long-term effort reaches lasting fulfilment. Security, family and something built to last come together, and what you have achieved can serve those who come after you.",
        (
            "major-00-fool",
            "wands-ace",
        ): "A new venture is thrilling from the first moment. The spark is bright and the timing fresh, so just give the idea a little shape before you run with it.",
        (
            "cups-eight",
            "major-00-fool",
        ): "Walking away from what no longer fulfils you opens an unplanned road. You may not know yet where you are heading, and that uncertainty is part of the freedom.",
        (
            "major-01-magician",
            "wands-ace",
        ): "Inspiration arrives together with the ability to act on it. A creative idea can become real quickly if you start while the energy is high.",
        (
            "major-01-magician",
            "pentacles-eight",
        ): "Talent asks for practice. Natural ability becomes true mastery through repetition, and the focused work you put in now turns potential into a reliable craft.",
        (
            "major-01-magician",
            "swords-seven",
        ): "Cleverness is running close to manipulation. Check whether someone, perhaps you, is using skill and charm to get around the truth rather than face it.",
        (
            "cups-queen",
            "major-02-high-priestess",
        ): "Intuition and empathy run unusually deep. You sense what others feel before they say it, so trust those impressions, but keep some of that sensitivity for yourself.",
        (
            "major-02-high-priestess",
            "swords-two",
        ): "A stalemate the mind cannot break may yield to intuition. Stop weighing arguments for a moment and notice what you already quietly know.",
        (
            "major-03-empress",
            "pentacles-nine",
        ): "Comfort and self-sufficiency are well earned. You can enjoy abundance on your own terms, taking pleasure in what you have grown without needing anyone's approval.",
        (
            "cups-ten",
            "major-03-empress",
        ): "Family warmth is felt to the full. Care, closeness and emotional plenty come together at home, which can mean a new arrival or a season of real harmony.",
        (
            "major-04-emperor",
            "pentacles-four",
        ): "Control and security are tightly held, perhaps too tightly. Stability is real, but rigid rules around money or possessions can start to limit rather than protect.",
        (
            "major-04-emperor",
            "swords-king",
        ): "Authority is backed by sharp reasoning. Decisions here are firm, logical and well argued, though they may feel cold, so fairness matters as much as being right.",
        (
            "major-05-hierophant",
            "pentacles-three",
        ): "Learning within an established structure pays off. An apprenticeship, a formal course or a respected team helps your skill mature and earn recognition.",
        (
            "cups-two",
            "major-05-hierophant",
        ): "A partnership seeks formal recognition. Mutual feeling moves toward commitment, a shared promise or a step that family and community can witness.",
        (
            "major-05-hierophant",
            "pentacles-page",
        ): "A diligent beginning meets good guidance. Formal study, a mentor or a structured programme suits you now, and patient groundwork will be noticed.",
        (
            "major-06-lovers",
            "swords-two",
        ): "A choice of the heart keeps being postponed. Avoiding it keeps the peace for now, but the tension grows until you admit what you actually want.",
        (
            "cups-seven",
            "major-06-lovers",
        ): "There are many romantic possibilities, and not all of them are real. Fantasy can cloud the choice, so measure each option against your values, not your daydreams.",
        (
            "major-07-chariot",
            "wands-six",
        ): "Determination brings a clear win. Focused effort pays off in public success, and the confidence you gain takes you on to the next goal.",
        (
            "major-07-chariot",
            "swords-knight",
        ): "Speed and willpower combine into a forceful charge. You can move fast and gain ground, but slow down enough to notice whom you leave behind.",
        (
            "major-08-strength",
            "wands-nine",
        ): "Resilience runs deep. You are tired but far from beaten, and quiet courage rather than constant defence is what sees you through the last stretch.",
        (
            "major-08-strength",
            "wands-five",
        ): "Rivalry and friction meet calm self-control. You do not need to win every argument; steady, good-humoured firmness settles a squabble better than pressure.",
        (
            "cups-eight",
            "major-09-hermit",
        ): "Something is left behind in search of deeper meaning. The withdrawal is purposeful; you are stepping away to find out what truly matters to you.",
        (
            "major-09-hermit",
            "swords-four",
        ): "Rest and retreat are what is needed now. Quiet time away from other people's demands lets your mind recover and your thinking slowly clear.",
        (
            "major-09-hermit",
            "pentacles-nine",
        ): "Solitude here is comfortable rather than lonely. You have built a life that sustains you on your own, and quiet time in it feels like a reward, not a retreat.",
        (
            "major-10-wheel-of-fortune",
            "pentacles-two",
        ): "Ups and downs arrive quickly, and flexibility is your best support. Keep your balance lightly, because rigid plans will break sooner than adaptable ones.",
        (
            "major-10-wheel-of-fortune",
            "pentacles-ace",
        ): "A turn of events opens an unexpected chance in work or money. It rewards quick, practical attention, so take a first concrete step while the opening is there.",
        (
            "major-11-justice",
            "swords-seven",
        ): "What was hidden is likely to come out. Evasion and half-truths do not hold for long here, and honesty now costs less than exposure later.",
        (
            "major-11-justice",
            "pentacles-six",
        ): "Fair exchange is the theme. Give and take should balance, so notice whether help, money or effort flows both ways or always in one direction.",
        (
            "major-12-hanged-man",
            "swords-four",
        ): "Stillness is the real work right now. A pause you did not choose becomes useful rest once you stop fighting it, and a clearer view follows.",
        (
            "major-12-hanged-man",
            "pentacles-seven",
        ): "Results are not ready and cannot be rushed. Waiting is part of the process, so use the delay to reassess whether this effort still deserves your time.",
        (
            "cups-four",
            "major-12-hanged-man",
        ): "Withdrawal risks sliding into apathy. A pause for reflection is useful, but check that you are not turning down an offer simply because nothing feels exciting.",
        (
            "major-14-temperance",
            "pentacles-two",
        ): "Balance is a skill you are practising daily. Several demands can coexist if you adjust the mix patiently instead of trying to settle everything at once.",
        (
            "major-14-temperance",
            "wands-ten",
        ): "Overload calls for moderation. You are doing too much at once, and dropping or sharing even one task restores a pace you can sustain.",
        (
            "cups-two",
            "major-14-temperance",
        ): "A relationship finds its healthy rhythm. Compromise comes easily, neither side gives more than it receives, and steady care matters more here than grand gestures.",
        (
            "major-15-devil",
            "pentacles-four",
        ): "Security has turned into a stranglehold. Fear of losing money, status or control binds you more tightly than any actual lack does.",
        (
            "cups-seven",
            "major-15-devil",
        ): "Temptation wears many faces. Fantasies and escapes pull at you, and the most seductive option may be the one that costs you the most freedom.",
        (
            "major-16-tower",
            "wands-ten",
        ): "A load that was too heavy finally gives way. The collapse is jarring, but it clears away obligations you should never have taken on alone.",
        (
            "major-16-tower",
            "pentacles-five",
        ): "A sudden loss leaves you feeling exposed. It is a hard stretch, not a permanent state, and support is nearer than it looks if you ask for it.",
        (
            "major-16-tower",
            "swords-ace",
        ): "Revelation comes all at once. A truth breaks through abruptly, and although it unsettles the old arrangement, it gives you a clear basis for deciding.",
        (
            "major-17-star",
            "pentacles-five",
        ): "Hope holds even in a lean and lonely time. Hardship is real, yet help and a way toward better days are within reach once you let yourself accept them.",
        (
            "major-07-chariot",
            "swords-six",
        ): "This is a determined move away from difficulty. Travel or relocation is possible, and even if you stay where you are, you are consciously leaving troubled times behind.",
        (
            "major-20-judgement",
            "wands-page",
        ): "A calling sparks eager exploration. News or an invitation wakes an old enthusiasm, and answering it with curiosity rather than caution opens a new chapter.",
        (
            "pentacles-ace",
            "pentacles-five",
        ): "The story runs from lack to a fresh start in money or work. Hard times are real, but a concrete new opportunity is forming, and it pays to notice it early.",
        (
            "cups-six",
            "swords-three",
        ): "Old heartache stirs through memory. Looking back can reopen a past hurt, and tending to it gently now stops it from colouring present relationships.",
        (
            "cups-ten",
            "wands-four",
        ): "Home and family are at their happiest. A celebration, moving into a shared home or simply a settled, joyful household is very likely here.",
        (
            "swords-eight",
            "swords-nine",
        ): "The mind is building its own cage. Anxious thinking keeps you stuck, and feeling stuck feeds the anxiety, so even one small step outside that loop weakens both.",
        (
            "cups-queen",
            "swords-queen",
        ): "Compassion meets clear-eyed honesty. You can be kind without being vague and truthful without being harsh, and together these make for unusually wise counsel.",
        (
            "pentacles-queen",
            "wands-queen",
        ): "Warm practicality meets confident charisma. This combination can run a home, a business and a social life at once, with both steadiness and flair.",
        (
            "cups-king",
            "swords-king",
        ): "Heart and head both hold authority here. Emotional steadiness and sharp logic can complement each other, or clash if one side dismisses the other.",
        (
            "cups-knight",
            "wands-knight",
        ): "Romance and adventure arrive at speed. An exciting offer or person sweeps in with charm and passion, so enjoy the rush, but see whether it outlasts the first impulse.",
        (
            "cups-ace",
            "cups-two",
        ): "A new feeling quickly finds an answer. What begins as a spark of affection is returned, and the start of a genuine bond is already here.",
        (
            "cups-eight",
            "cups-five",
        ): "Disappointment leads to walking away. After a loss, staying no longer makes sense, and leaving, though sad, is a step toward something that will truly fill you.",
        (
            "cups-four",
            "cups-seven",
        ): "Boredom and daydreaming keep each other going. Real chances slip by while you either shrug or fantasise, so pick one option and test it in practice.",
        (
            "cups-nine",
            "cups-ten",
        ): "Personal contentment widens into shared happiness. A wish fulfilled for you becomes joy for those close to you, and the sense of plenty is emotional as much as material.",
        (
            "cups-three",
            "swords-three",
        ): "A third person or a circle of friends is tied up with the heartache. Look at who is involved and whether loyalty among friends is being tested.",
        (
            "cups-seven",
            "swords-two",
        ): "Too many options freeze the decision. Shutting them all out will not help, while narrowing the field to two real choices finally gets things moving.",
        (
            "swords-five",
            "wands-five",
        ): "Conflict is running hot on several fronts. Competition turns into point-scoring, so ask whether winning this argument is worth what it costs your relationships.",
        (
            "swords-ace",
            "swords-ten",
        ): "Clarity arrives at the very end of something painful. The truth you now see dispels the last illusion, and from this lowest point a new way of thinking begins.",
        (
            "swords-four",
            "wands-ten",
        ): "Overload is asking for rest. You are taking on too much, and a real pause now heads off exhaustion; nothing on the list matters more than getting your energy back.",
        (
            "swords-page",
            "swords-seven",
        ): "Secrets and watchfulness are in play. Someone is gathering information or acting behind the scenes, so keep your plans discreet and your own conduct straightforward.",
        (
            "cups-eight",
            "swords-six",
        ): "Leaving is the theme, with sadness but also relief. You are moving away from a situation that drained you, toward a calmer place in life or in yourself.",
        (
            "swords-knight",
            "wands-knight",
        ): "Haste doubles up. Everything moves fast and impulsively, and a rushed word or decision is easy to regret, so take a breath before you rush in.",
        (
            "pentacles-king",
            "swords-king",
        ): "Sharp analysis meets solid resources. Plans built on facts and backed by steady means tend to work, and the decisions made here are sober and practical rather than warm.",
        (
            "pentacles-page",
            "swords-page",
        ): "Curiosity and diligence make a strong pair. This is an excellent time to learn, research or take up a new skill, asking sharp questions and then patiently practising the answers.",
        (
            "cups-ace",
            "wands-ace",
        ): "Passion and tenderness ignite together. A new attraction, creative project or heartfelt idea has both fire and feeling, which gives it real staying power.",
        (
            "pentacles-eight",
            "wands-ace",
        ): "Inspiration becomes craft. A fresh idea is worth developing through steady practice, and the enthusiasm of the start goes further when daily work backs it up.",
        (
            "wands-three",
            "wands-two",
        ): "Planning turns into expansion. The decision you were weighing has been made, and now the first results are starting to arrive from further afield.",
        (
            "wands-eight",
            "wands-three",
        ): "News from far away arrives quickly. Plans involving distance, travel or new markets speed up, and the replies you have been waiting for come one after another.",
        (
            "wands-seven",
            "wands-six",
        ): "Success brings challengers. Recognition puts you in a visible position, and holding it calls for confidence in what you have earned rather than constant self-justification.",
        (
            "wands-nine",
            "wands-ten",
        ): "Endurance is running close to its limit. You have kept going through a great deal, and finishing well now depends on putting something down rather than pushing harder.",
        (
            "pentacles-three",
            "wands-five",
        ): "Team friction can turn into real collaboration. Competing ideas become a resource once roles are clear, so give everyone a defined job instead of a turf war.",
        (
            "cups-knight",
            "wands-eight",
        ): "A romantic message or offer arrives fast. Matters of the heart move quickly, so enjoy the momentum while checking that the words match the intentions.",
        (
            "cups-page",
            "wands-page",
        ): "Good news comes in two flavours, one adventurous and one tender. An invitation or a message stirs both enthusiasm and feeling, and with them the urge to create.",
        (
            "wands-king",
            "wands-queen",
        ): "Fire on both sides makes for bold, visionary leadership. Energy and confidence are abundant, though two strong wills may compete to take the lead.",
        (
            "pentacles-two",
            "wands-ten",
        ): "Keeping many things going has tipped into overload. Too many commitments compete for your time, and keeping all of them afloat costs more than deciding which to drop.",
        (
            "cups-four",
            "pentacles-four",
        ): "Holding tight and shutting off go hand in hand. Fear of loss keeps both money and feelings under lock, and the result is safety without much joy.",
        (
            "pentacles-four",
            "pentacles-six",
        ): "The tension lies between holding on and giving. Generosity feels risky right now, yet a measured, fair exchange brings more security than hoarding does.",
        (
            "pentacles-eight",
            "pentacles-seven",
        ): "Patient assessment leads back to diligent work. Having looked at what your effort has produced, you refine the method and keep building, better than before.",
        (
            "pentacles-eight",
            "pentacles-three",
        ): "Your skill is being noticed. Dedicated practice earns you a place in a team or a commission, and your work is valued for its quality.",
        (
            "cups-nine",
            "pentacles-nine",
        ): "Contentment here is both material and emotional. You have reached a point of ease you can enjoy openly, and satisfaction comes from what you have built and what you have felt.",
        (
            "cups-ten",
            "pentacles-ten",
        ): "Family happiness rests on solid ground. Emotional closeness and material security support each other, and what is built now can serve more than one generation.",
        (
            "pentacles-knight",
            "swords-knight",
        ): "Slow and steady meets fast and sharp. One pace wants to plan every step, the other to act at once, and a project needs both to finish well.",
        (
            "pentacles-ace",
            "pentacles-page",
        ): "A practical new beginning doubles as a lesson. An offer, a course or a first job opens up, and approaching it as a willing beginner makes the most of it.",
        (
            "cups-six",
            "pentacles-six",
        ): "Kindness moves freely. Gifts, help or simple gestures of care are exchanged without calculation, perhaps with someone from your past.",
        (
            "cups-five",
            "pentacles-five",
        ): "Loss is felt on two levels at once, practical and emotional. Grief narrows the view, so look deliberately for the support that is still within reach.",
        (
            "pentacles-five",
            "pentacles-six",
        ): "Hardship meets help. Support is available, as practical aid or through a generous person, and accepting it with dignity is a step toward stability.",
        (
            "pentacles-four",
            "pentacles-ten",
        ): "Family wealth and the fear of losing it are tangled together. An inheritance or shared assets raise questions about control as much as about security.",
        (
            "cups-two",
            "wands-four",
        ): "A partnership is ready to settle into something lasting. Moving in together, an engagement or another happy milestone of commitment comes naturally here.",
        (
            "cups-three",
            "pentacles-three",
        ): "Friendship and work mix well. Collaborating with people you like brings good results and good company, and celebrating milestones together strengthens the team.",
        (
            "cups-seven",
            "swords-ace",
        ): "Clarity clears away fantasy. Among many appealing options, one clear thought shows which is real, and the rest lose their pull once you name it.",
        (
            "cups-king",
            "cups-queen",
        ): "Emotional maturity shows on both sides. Deep empathy and calm steadiness create a relationship, or an inner life, where feelings are welcome and handled wisely.",
        (
            "swords-king",
            "swords-queen",
        ): "Intellect rules here in double measure. Honesty, logic and clear boundaries are strong, though warmth may need to be brought in on purpose.",
        (
            "pentacles-king",
            "pentacles-queen",
        ): "Security is built on steady, practical care. Resources are well managed, the household is grounded, and comfort comes from reliability rather than display.",
        (
            "cups-page",
            "swords-page",
        ): "A sensitive message meets a sharp mind. Creative or emotional news may be met with questions, so stay curious without letting suspicion spoil it.",
        (
            "cups-knight",
            "swords-knight",
        ): "Idealism and impatience pull in opposite directions. One wants to woo, the other to win the argument, and slowing down helps feelings and words stay in tune.",
        (
            "swords-four",
            "swords-three",
        ): "Heartbreak needs a period of quiet recovery. Give yourself real rest after the hurt, because reflection, not rushing on, is what lets it settle.",
        (
            "swords-nine",
            "swords-ten",
        ): "Worry and a painful ending feed on each other. The hardest part may already be over, even if the mind keeps replaying it again and again.",
        (
            "cups-two",
            "swords-two",
        ): "Closeness is held back by a standoff. Feelings are there on both sides, but neither person wants to make the first honest move.",
        (
            "cups-five",
            "swords-five",
        ): "A fight has been won at the cost of what mattered. Regret follows a hollow victory, and what was lost is more often the relationship than the point.",
        (
            "swords-seven",
            "wands-seven",
        ): "Guarding your position can slide into defensiveness and secrecy. Stand your ground openly, because tactics in the shadows will weaken a stance that is otherwise fair.",
        (
            "wands-nine",
            "wands-seven",
        ): "You have been on guard for a long time. Vigilance has kept you safe so far, but check whether every challenge still needs a fight.",
        (
            "pentacles-eight",
            "wands-ten",
        ): "Hard work is sliding into overwork. Diligence has become a weight of its own, and doing fewer things well serves you better than doing everything.",
        (
            "pentacles-two",
            "wands-two",
        ): "A bigger decision is pending while daily demands keep you busy. Make room for the long-term choice instead of letting small tasks decide it by default.",
        (
            "cups-ace",
            "pentacles-ace",
        ): "Two beginnings arrive together, one of the heart and one of practical life. New love or joy comes with a real, tangible opportunity to build on.",
        (
            "swords-ace",
            "wands-ace",
        ): "A clear idea meets the energy to launch it. Thought and drive line up, so this is a good moment to announce, pitch or begin.",
        (
            "cups-queen",
            "wands-king",
        ): "Emotional depth meets bold vision. Warm intuition and fiery leadership attract each other, and together they balance feeling with the courage to act.",
    }
)
