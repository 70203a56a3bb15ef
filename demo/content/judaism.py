import datetime

COURSE = {
    "title": "A police officer's guide to Judaism",
    "slug": "guide-to-judaism",
    "summary": (
        "Practical guidance for policing Jewish communities in England and Wales: Shabbat and festivals, custody and "
        "searches, synagogues and security, deaths, and recognising antisemitism."
    ),
    "learning_outcomes": [
        "Describe the range of Jewish practice in England and Wales and use the right terms.",
        (
            "Plan visits, interviews, statements, bail and court dates around Shabbat and festivals, knowing that "
            "saving life comes first."
        ),
        "Meet the food, dress and religious needs of Jewish people in custody and during searches.",
        "Work with rabbis and synagogue security teams when searching or responding at Jewish buildings.",
        "Support a bereaved Jewish family, including passing on their wishes about burial and post-mortem.",
        "Recognise antisemitism, record it as hate crime and support victims.",
    ],
    "intended_audience": (
        "Police officers, special constables, PCSOs and police staff in England and Wales who may deal with Jewish "
        "people, homes, synagogues or events."
    ),
    "topic": "faith_belief",
    "developed_with": "the North London Jewish Community Partnership (a fictional partner for this demo)",
    "validity_months": 24,
    "review_by": datetime.date(2027, 10, 1),
    "modules": [
        {
            "title": "The Jewish community in England and Wales",
            "slug": "jewish-community-england-wales",
            "summary": (
                "Who Jewish people in England and Wales are, where communities live, the range of religious practice, "
                "and the words to use."
            ),
            "estimated_minutes": 10,
            "review_by": datetime.date(2027, 10, 1),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Most of your contact with Jewish people will be the same as your contact with anyone "
                        "else. They are callers, victims, witnesses, suspects, neighbours and colleagues. Knowing a "
                        "little about Jewish life helps you avoid mistakes that cost trust, plan around religious "
                        "practice and recognise antisemitism when you see it.</p><p>This course is about practical "
                        "policing. It does not try to explain Jewish belief in full, and it cannot tell you what any "
                        "one person believes or does. Use it as a starting point, then ask.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Ask, don't assume",
                        "body": (
                            "<p>Jewish people range from those who are not religious at all to those who follow "
                            "Jewish law in every part of daily life. Two people who both say they are Jewish may have "
                            "very different needs. If it matters to what you are doing, ask the person politely what "
                            "they need. Most people will be glad you asked.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Who makes up the community",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>In the 2021 census about 270,000 people in England and Wales gave their religion as "
                        "Jewish. That is around half of one per cent of the population. The real number of people who "
                        "see themselves as Jewish is probably higher, for the reasons explained below.</p><p>Jewish "
                        "communities are concentrated in a few areas:</p><ul><li><b>London</b>, especially the "
                        "borough of Barnet and the Stamford Hill area of Hackney, where many strictly Orthodox "
                        "(Charedi) families live.</li><li><b>Hertfordshire</b>, particularly the towns just north of "
                        "London, such as Borehamwood and Bushey.</li><li><b>Greater Manchester</b>, especially "
                        "Salford and Bury. This is the largest community outside London.</li><li><b>Leeds</b>, which "
                        "has a long-established community.</li><li><b>Gateshead</b>, a major centre of strictly "
                        "Orthodox religious learning, with students who come from around the world.</li></ul><p>There "
                        "are smaller communities elsewhere, including Birmingham, Liverpool, Brighton and Cardiff. "
                        "Where there is only one synagogue and a few dozen families, people can feel more exposed "
                        "after an incident, not less.</p><p>Charedi families tend to be larger and younger than "
                        "average, so this is the fastest-growing part of the community. In Stamford Hill, Salford and "
                        "Gateshead you are likely to meet many children and young families.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Why the census figure is probably too low",
                        "body": (
                            "<p>The census question on religion is voluntary, and it asks about religion rather than "
                            "heritage or ethnicity. Some people who are Jewish by family and culture answer 'no "
                            "religion', and some choose not to answer at all. Use the census figure as a guide to "
                            "scale, not as an exact count.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "The range of practice",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Being Jewish is about belonging to a people as well as a religion. Many Jewish people who "
                        "rarely go to a synagogue still feel strongly Jewish. They may keep some customs, such as a "
                        "family meal on a Friday night, or mark the main festivals. Others follow Jewish law "
                        "(<i>halacha</i>) closely in everything from food and dress to how they spend Saturday.</p>"
                        "<p>The table gives a rough guide. These are broad groups, not boxes. People move between "
                        "them, and one family can include people with very different levels of practice.</p>"
                    ),
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "Broad groups within the Jewish community",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Group",
                                "What you may notice",
                                "What it can mean for you",
                            ],
                            [
                                "Secular or cultural",
                                (
                                    "Identifies as Jewish but does not follow religious law. May mark some festivals "
                                    "with family."
                                ),
                                (
                                    "Usually no practical needs. They can still be targets of antisemitism and may "
                                    "feel it deeply."
                                ),
                            ],
                            [
                                "Progressive (Reform and Liberal)",
                                (
                                    "Belongs to a synagogue and adapts religious practice to modern life. Men and "
                                    "women sit together, and women can be rabbis."
                                ),
                                "Some keep Shabbat or kosher food in their own way. Ask rather than assume.",
                            ],
                            [
                                "Masorti",
                                "Traditional worship, with some modern interpretation of Jewish law.",
                                "Practice varies. Some keep Shabbat and kosher food closely.",
                            ],
                            [
                                "Mainstream Orthodox",
                                (
                                    "The largest group of synagogue members in the UK. Members' own practice ranges "
                                    "from occasional to very observant."
                                ),
                                "Many keep kosher food, at least at home, and some keep Shabbat fully. Ask.",
                            ],
                            [
                                "Strictly Orthodox (Charedi), including Chasidic groups",
                                (
                                    "Follows Jewish law closely. Distinctive dress, large families and children in "
                                    "community schools. Some avoid television and the internet."
                                ),
                                (
                                    "Expect Shabbat and festival restrictions, kosher food, avoidance of contact with "
                                    "the opposite sex and, for some, Yiddish as a first language."
                                ),
                            ],
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>You may also hear the terms <b>Ashkenazi</b> and <b>Sephardi</b>. Ashkenazi Jewish "
                        "families came from central and eastern Europe, and they are the majority in the UK. Sephardi "
                        "families came from Spain and Portugal, and later from North Africa and the Middle East. "
                        "These words describe heritage and custom, not how religious someone is.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Jewish people and Israel",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Jewish people in the UK are British citizens and residents like anyone else, and most are "
                        "not Israeli. Many feel a connection to Israel, but they hold the full range of views about "
                        "its government and its conflicts. Do not assume a Jewish person is Israeli, speaks for "
                        "Israel or is responsible for what the Israeli government does. Holding Jewish people to "
                        "account for Israel is a common feature of antisemitic abuse, which module 6 covers.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Strictly Orthodox communities and the police",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Charedi communities are close-knit, with their own schools, shops and voluntary "
                        "organisations. A few things help you work well with them:</p><ul><li><b>Language.</b> Most "
                        "people speak English, but for some, especially children and older people, Yiddish is the "
                        "first language. Book a professional interpreter when you take evidence.</li><li>"
                        "<b>Contact.</b> Some families do not use the internet or smartphones, so emails and texts "
                        "may not reach them. Use a landline, a letter or a visit.</li><li><b>Community groups.</b> In "
                        "some areas you will meet <i>Shomrim</i>, volunteer neighbourhood patrols that report crime "
                        "to the police, and <i>Hatzola</i>, volunteer emergency medical responders. They can be "
                        "valuable partners, but they are not police and have no special powers.</li><li><b>Speaking "
                        "to victims directly.</b> As in any close-knit community, a rabbi or community figure may "
                        "offer to speak for a victim or pass on messages. Be courteous, but always speak to the "
                        "victim yourself, in private, especially where there are safeguarding concerns.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "A note on terms",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Hebrew and Yiddish words are written in English letters in more than one way. You will "
                        "see Chanukah and Hanukkah, Charedi and Haredi, Shabbat and Shabbos. None of these is wrong. "
                        "This course uses one spelling for each and gives common alternatives.</p>"
                    ),
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Words to know",
                        "items": [
                            {
                                "term": "Jewish, Jew",
                                "meaning": (
                                    "'Jewish person' or 'Jewish people' is the safest wording. 'Jew' is correct as a "
                                    "noun, but it is sometimes used as an insult, so take care with tone. Avoid 'the "
                                    "Jews' to describe a group of people."
                                ),
                            },
                            {
                                "term": "Orthodox",
                                "meaning": (
                                    "Jewish people and synagogues that follow traditional Jewish law. It covers a "
                                    "wide range of practice."
                                ),
                            },
                            {
                                "term": "Charedi (also Haredi)",
                                "meaning": (
                                    "Strictly Orthodox. The media often says 'ultra-Orthodox', but many people prefer "
                                    "'Charedi' or 'strictly Orthodox'."
                                ),
                            },
                            {
                                "term": "Chasidic (also Hasidic)",
                                "meaning": (
                                    "Strictly Orthodox groups, each following its own spiritual leader, called a "
                                    "Rebbe."
                                ),
                            },
                            {
                                "term": "Rabbi",
                                "meaning": (
                                    "A religious teacher and leader. A rabbi's wife is often called the Rebbetzin and "
                                    "may have her own role in the community."
                                ),
                            },
                            {
                                "term": "Synagogue (shul)",
                                "meaning": (
                                    "A Jewish place of worship, study and community life. 'Shul' is the Yiddish word "
                                    "and is widely used."
                                ),
                            },
                            {
                                "term": "Beth Din",
                                "meaning": (
                                    "A rabbinical court. It deals with religious matters such as kosher "
                                    "certification, conversion and religious divorce. It has no role in criminal "
                                    "cases."
                                ),
                            },
                            {
                                "term": "Yiddish",
                                "meaning": (
                                    "A language related to German, with many Hebrew words, written in Hebrew letters. "
                                    "It is the everyday language of many Chasidic families."
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Working with the community",
                        "do": [
                            "Ask people what they need when it affects what you are doing",
                            "Use a professional interpreter for evidence, not a relative or community member",
                            "Use the contact method the person prefers, which may be a landline or a letter",
                            "Speak to victims yourself, in private",
                            "Find out which synagogues, schools and community groups are on your patch",
                        ],
                        "dont": [
                            "Judge someone's practice from how they dress or where they live",
                            "Treat a Jewish person as a representative of Israel",
                            "Rely on a community leader to pass messages to or from a victim",
                            "Use 'the Jews' to describe a group of people",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "You are taking a witness statement from a strictly Orthodox man in Stamford Hill. His "
                            "English is limited and his rabbi offers to interpret. What should you do?"
                        ),
                        "choices": [
                            {
                                "text": "Accept the offer, because the rabbi knows him and the community",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Book a professional Yiddish interpreter, and let the rabbi stay for support if "
                                    "he wants"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Take the statement in English and read it back to him slowly",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Evidence needs an independent, professional interpreter so that it is accurate and "
                            "can be relied on in court. A rabbi or relative may have an interest in the case, and the "
                            "witness may not feel able to speak freely in front of them. The rabbi can still be there "
                            "for support if the witness wants.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A woman reports antisemitic abuse. She tells you she is Jewish but 'not religious at "
                            "all'. How does that affect your response?"
                        ),
                        "choices": [
                            {
                                "text": "It doesn't: she can be targeted for being Jewish whatever her practice",
                                "correct": True,
                            },
                            {
                                "text": "It may not be antisemitism if she is not religious",
                                "correct": False,
                            },
                            {
                                "text": "You need to check whether she belongs to a synagogue",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Antisemitism targets people for being Jewish, or for being thought to be Jewish. How "
                            "religious the victim is makes no difference. The law treats Jewish people as both a "
                            "religious and an ethnic group, so the hostility can be religious, racial or both. Module "
                            "6 covers recording.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Shabbat and festivals",
            "slug": "shabbat-and-festivals",
            "summary": (
                "How Shabbat and the festivals affect what observant Jewish people can do, and how to plan visits, "
                "interviews, statements, bail and court dates around them."
            ),
            "estimated_minutes": 11,
            "review_by": datetime.date(2027, 10, 1),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>On Shabbat and on many festival days, observant Jewish people stop a lot of everyday "
                        "activity, including driving, using phones and writing. If you plan around this, you get "
                        "better evidence, fewer missed appointments and more trust.</p><p>Remember two rules above "
                        "all. A Jewish day begins at sunset on the evening before. And saving a life overrides "
                        "everything.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Saving life comes first",
                        "body": (
                            "<p>Under the principle of <i>pikuach nefesh</i>, saving a life, or protecting someone "
                            "whose life may be in danger, overrides almost every religious rule, including Shabbat "
                            "and Yom Kippur. In an emergency, observant Jewish people will call 999, drive to "
                            "hospital and use a phone. Never hold back emergency action because of Shabbat or a "
                            "festival. Nobody in the community will expect you to.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Shabbat",
                        "level": "h2",
                    },
                },
                {
                    "type": "image",
                    "value": {
                        "image": "@shabbat-timeline",
                        "alt_text": (
                            "A timeline from Friday noon to Saturday midnight. Shabbat is shaded from shortly before "
                            "sunset on Friday to nightfall on Saturday, about 25 hours."
                        ),
                        "caption": "Shabbat runs from shortly before sunset on Friday to nightfall on Saturday.",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Shabbat (the Sabbath) begins shortly before sunset on Friday and ends at nightfall on "
                        "Saturday, when it is fully dark. Its timing therefore changes through the year. In midwinter "
                        "it can begin before 4pm on a Friday. In midsummer it may not begin until after 9pm, and it "
                        "ends late on Saturday night.</p><p>During Shabbat, people who keep it fully do not:</p><ul>"
                        "<li>drive, or travel by car, bus or train</li><li>use phones, computers or anything "
                        "electrical, including light switches, doorbells, intercoms and lift buttons</li><li>write, "
                        "sign their name or handle money</li><li>carry anything, even keys or an ID card, in public "
                        "places outside an <i>eruv</i> (see the terms below)</li><li>cook, or do many other kinds of "
                        "work.</li></ul><p>Shabbat is also a time of family meals, synagogue services and rest. "
                        "Families walk to synagogue, so Jewish areas are busy with people on foot on Friday evening "
                        "and Saturday morning.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "What this means in practice",
                        "level": "h3",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>An observant person will not answer a phone, reply to a text or answer an intercom "
                        "on Shabbat. Knock instead, and expect that they may not be able to let you in through an "
                        "electric entry system.</li><li>They may not be able to sign a statement, a notice or a "
                        "custody record. This is religious observance, not a refusal to cooperate. Record the reason "
                        "and arrange a signature after Shabbat.</li><li>They may not be carrying ID. Take their "
                        "details verbally and check them in the usual way.</li><li>They will not travel to a police "
                        "station, hospital appointment or court except in an emergency.</li><li>Victims of a crime "
                        "that is over may wait until Shabbat ends before reporting it. A report late on Saturday "
                        "night about something that happened that morning is not suspicious in itself.</li></ul>"
                    ),
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Words you will hear",
                        "items": [
                            {
                                "term": "Yom tov",
                                "meaning": (
                                    "A festival day with the same restrictions as Shabbat, with small differences "
                                    "(for example around cooking) that rarely matter to police."
                                ),
                            },
                            {
                                "term": "Chol hamoed",
                                "meaning": (
                                    "The middle days of Sukkot and Pesach. Many people work and travel as normal, but "
                                    "some take these days off and avoid unnecessary work."
                                ),
                            },
                            {
                                "term": "Eruv",
                                "meaning": (
                                    "A boundary, often marked by poles and wires, around a local area. Inside it, "
                                    "observant people may carry things on Shabbat. Some areas with large Jewish "
                                    "communities have one."
                                ),
                            },
                            {
                                "term": "Pikuach nefesh",
                                "meaning": "The duty to save life, which overrides almost all other religious law.",
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Festivals",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Jewish festivals follow the Hebrew calendar, which is based on the moon but kept in step "
                        "with the seasons. So each festival falls on a different date in the ordinary calendar each "
                        "year, usually within the same few weeks. Outside Israel, several festivals have an extra "
                        "day.</p><p>Like Shabbat, every festival day begins at sunset on the evening before. A "
                        "festival shown as starting on a Wednesday begins on Tuesday evening.</p><p>Many festival "
                        "days carry the same restrictions as Shabbat. When one of these falls next to a Shabbat, an "
                        "observant family may be unavailable for up to three days in a row.</p>"
                    ),
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "The main festivals and what they mean for policing",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Festival",
                                "What happens",
                                "Shabbat-like restrictions?",
                                "Policing notes",
                            ],
                            [
                                "Rosh Hashanah (New Year)",
                                (
                                    "Two days of synagogue services, including the blowing of a ram's horn (shofar). "
                                    "Some people gather by a river or pond for a short prayer."
                                ),
                                "Yes, both days",
                                "Busy synagogues and people on foot. Plan patrols with security teams.",
                            ],
                            [
                                "Yom Kippur (Day of Atonement)",
                                (
                                    "The holiest day of the year. A 25-hour fast from food and drink, with most of "
                                    "the day spent in synagogue."
                                ),
                                "Yes",
                                (
                                    "Synagogues are at their fullest, so security matters most. A detainee may fast: "
                                    "see module 3."
                                ),
                            ],
                            [
                                "Sukkot",
                                (
                                    "Seven days. Families eat, and some sleep, in a temporary hut (sukkah) with a "
                                    "roof of branches or leaves, in a garden or on a balcony."
                                ),
                                "First two days",
                                "Neighbours may ask about the huts. They are temporary and part of the festival.",
                            ],
                            [
                                "Shemini Atzeret and Simchat Torah",
                                (
                                    "Two days straight after Sukkot. On Simchat Torah people dance with the Torah "
                                    "scrolls, sometimes spilling out into the street."
                                ),
                                "Yes, both days",
                                "Lively crowds outside some synagogues. A friendly police presence is welcome.",
                            ],
                            [
                                "Chanukah",
                                (
                                    "Eight nights of lighting candles or oil lamps at home, often in a window. Some "
                                    "communities hold public candle lightings."
                                ),
                                "No",
                                "Public events may need a security plan. Normal work and travel continue.",
                            ],
                            [
                                "Purim",
                                (
                                    "A joyful day: reading the Book of Esther, fancy dress, gifts of food, giving to "
                                    "charity and a festive meal."
                                ),
                                "No",
                                (
                                    "Busy streets, people in costume, and more cars and charity collections in some "
                                    "areas. For some adults, drinking alcohol is part of the celebration."
                                ),
                            ],
                            [
                                "Pesach (Passover)",
                                (
                                    "Eight days outside Israel. No leavened food, such as bread and pasta. Family "
                                    "meals (seder) on the first two nights."
                                ),
                                "First two and last two days",
                                (
                                    "A detainee will need food that is kosher for Passover. Many families travel to "
                                    "relatives beforehand."
                                ),
                            ],
                            [
                                "Shavuot",
                                "Two days marking the giving of the Torah. Some people study through the night.",
                                "Yes, both days",
                                "People walking to and from synagogue late at night and early in the morning.",
                            ],
                        ],
                    },
                },
                {
                    "type": "festival_dates",
                    "value": {
                        "heading": "Festival dates in the next year",
                        "introduction": (
                            "The platform works these dates out from the Hebrew calendar whenever you open this page, "
                            "so they are always current: check them before you fix any date with an observant person."
                        ),
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Minor fast days are not shown. On those, observant people fast but can usually work and "
                        "travel.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Why some festivals have an extra day outside Israel",
                        "body": (
                            "<p>In ancient times each month began when the new moon was sighted in Jerusalem. Distant "
                            "communities could not always learn the date in time, so they kept two days to be safe, "
                            "and Jewish communities outside Israel keep the custom today. That is why Pesach lasts "
                            "eight days in the UK but seven in Israel.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Planning visits, interviews and statements",
                        "level": "h2",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "Before you fix a time",
                        "body": (
                            "<p>When you arrange to see an observant Jewish person:</p><ul><li>check the festival "
                            "dates above and the sunset time for the day</li><li>avoid Friday afternoons in winter, "
                            "when families are preparing for Shabbat and it may begin mid-afternoon</li><li>avoid "
                            "Saturdays and restricted festival days, unless there is an emergency</li><li>remember "
                            "that the evening before a Shabbat or festival is already part of it</li><li>offer a "
                            "Sunday or a weekday instead; a Saturday evening after nightfall can work in winter</li>"
                            "<li>ask the person, who knows their own calendar better than any table.</li></ul>"
                        ),
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>If you need a first account from an observant witness on Shabbat, for example at the "
                        "scene of a crime, take it. Speaking is not restricted. Write it in your notebook or record "
                        "it on body-worn video in line with your force's policy. Explain that you will come back for "
                        "a signed statement after Shabbat, and do not press them to sign.</p><p>Plan video-recorded "
                        "interviews and identification procedures the same way.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Bail, custody and court dates",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Bail dates.</b> Do not bail an observant person to return on a Saturday, on a "
                        "restricted festival day or late on a winter Friday afternoon. If someone says a date clashes "
                        "with a festival, check the table. It is probably a genuine clash, not an attempt to avoid "
                        "the process.</li><li><b>Custody over Shabbat.</b> The PACE detention clock does not stop for "
                        "Shabbat. Plan interviews and reviews so that a detainee is not kept waiting unnecessarily. A "
                        "detainee may decline to sign the custody record or other forms, or to use the phone. Record "
                        "why.</li><li><b>Release.</b> Someone released during Shabbat will usually walk home rather "
                        "than use transport, and may not carry property such as a phone or keys outside an eruv. "
                        "Think about the distance, the time of night and their welfare, and agree how they will get "
                        "their property back.</li><li><b>Court dates.</b> Record the dates a witness cannot attend, "
                        "including Shabbat and festival days, on their witness statement and tell the witness care "
                        "unit. A hearing on a festival day can force a witness to choose between their faith and "
                        "giving evidence.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "When life is at risk",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>In some areas Hatzola, a volunteer Jewish ambulance service, responds on Shabbat, and its "
                        "volunteers drive and use radios to do so. But saving life does not cover routine police "
                        "work. A statement about last week's theft, serving papers or house-to-house enquiries can "
                        "wait until Shabbat ends.</p>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Shabbat and festivals",
                        "do": [
                            "Check the festival table and the sunset time before you fix any date",
                            "Knock rather than phone or use an intercom on Shabbat",
                            "Take a verbal first account if you need one, and come back for a signature",
                            "Record dates a witness cannot attend and tell the witness care unit",
                            "Act at once in any emergency",
                        ],
                        "dont": [
                            (
                                "Set bail or appointments on Saturdays, restricted festival days or late on winter "
                                "Friday afternoons"
                            ),
                            "Treat a refusal to sign or use a phone on Shabbat as obstruction",
                            "Assume a report made after Shabbat ends is less credible because it is late",
                            "Forget that a festival starts on the evening before the first date shown",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "The festival table shows Rosh Hashanah starting on a Monday. When will an observant "
                            "family stop driving and using phones?"
                        ),
                        "choices": [
                            {
                                "text": "From shortly before sunset on the Sunday",
                                "correct": True,
                            },
                            {
                                "text": "From midnight on the Sunday",
                                "correct": False,
                            },
                            {
                                "text": "From the start of the synagogue service on Monday morning",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>A Jewish day begins at sunset, so every festival starts on the evening before the "
                            "first date shown. Plan as if Sunday evening were part of the festival.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "It is December. You plan to bail a strictly Orthodox man to return to the station at "
                            "3.30pm on a Friday. What is the problem?"
                        ),
                        "choices": [
                            {
                                "text": "There is none, as long as it is not a Saturday",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Shabbat begins mid-afternoon in winter, so he may not be able to attend and get "
                                    "home in time"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "He would need a letter from his rabbi to attend on a Friday",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>In midwinter Shabbat can begin before 4pm, and he needs to be home before it starts. "
                            "A late Friday return is likely to fail, or to force him to choose between his faith and "
                            "his bail. Choose a morning or another day, after checking the festival table.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Food, custody, dress and contact",
            "slug": "food-custody-dress-and-contact",
            "summary": (
                "Kosher food in custody, religious dress and head coverings, physical contact, and handling religious "
                "items with respect."
            ),
            "estimated_minutes": 11,
            "review_by": datetime.date(2027, 10, 1),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Custody, searches and home visits are where small details matter most. A meal handled the "
                        "wrong way, a head covering removed in the street or a prayer book dropped on the floor can "
                        "feel deeply humiliating, and people remember it. Getting it right is usually easy once you "
                        "know what to look for.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Sealed, certified, unopened",
                        "body": (
                            "<p>If a detainee keeps kosher, offer a sealed meal that carries a recognised kosher "
                            "certification mark. Give it to them with the seal intact and let them open it. Once the "
                            "seal is broken, for example to check the contents, the meal may no longer be kosher, and "
                            "you should offer another.</p>"
                        ),
                    },
                },
                {
                    "type": "document",
                    "value": {
                        "document": "@custody-checklist",
                        "description": "A one-page checklist to print and keep in the custody suite.",
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Kosher food",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Jewish dietary laws (<i>kashrut</i>) set out which foods are kosher, meaning fit to "
                        "eat. The main rules are:</p><ul><li>no pork or pork products, and no shellfish</li><li>meat "
                        "must come from certain animals, slaughtered and prepared in a particular way</li><li>meat "
                        "and dairy foods are never cooked or eaten together, and observant households keep separate "
                        "utensils for each</li><li>processed food must come from a supervised source, shown by a "
                        "certification mark (<i>hechsher</i>) on the packet.</li></ul><p>Because ovens and utensils "
                        "matter as well as ingredients, food cooked in an ordinary kitchen is not kosher even if it "
                        "contains nothing forbidden. That is why a vegetarian meal from the custody kitchen is not a "
                        "substitute for someone who keeps kosher strictly.</p><p>Practice varies. Some Jewish people "
                        "keep kosher only at home, some avoid only pork and shellfish, and some do not keep kosher at "
                        "all. Ask.</p>"
                    ),
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Food words",
                        "items": [
                            {
                                "term": "Kosher",
                                "meaning": "Fit to eat under Jewish law.",
                            },
                            {
                                "term": "Kashrut",
                                "meaning": "The Jewish dietary laws.",
                            },
                            {
                                "term": "Hechsher",
                                "meaning": (
                                    "A certification mark on packaging showing that a product is kosher, issued by a "
                                    "recognised authority such as a Beth Din."
                                ),
                            },
                            {
                                "term": "Parev (also pareve)",
                                "meaning": (
                                    "Food that is neither meat nor dairy, such as fruit, vegetables, eggs and fish, "
                                    "so it can be eaten with either."
                                ),
                            },
                            {
                                "term": "Chametz",
                                "meaning": "Leavened food, such as bread and pasta, which is not eaten during Pesach.",
                            },
                            {
                                "term": "Kosher for Passover",
                                "meaning": (
                                    "A stricter certification for food eaten during Pesach. An ordinary kosher meal "
                                    "may not qualify."
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Food in custody",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>PACE Code C expects meals in custody to meet a detainee's dietary needs and religious "
                        "beliefs as far as practicable. Ask about diet when you book a detainee in, and record the "
                        "answer.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "Serving a kosher meal",
                        "body": (
                            "<p>Follow these steps:</p><ol><li>Offer a sealed meal with a recognised kosher "
                            "certification mark. Check your custody suite's stock before you need it.</li><li>Show "
                            "the detainee that the seal is unbroken. If your suite checks meals before serving them, "
                            "check the outer packaging and seal without opening it.</li><li>If the meal needs "
                            "heating, heat it only in its sealed packaging and only as the instructions on the pack "
                            "say. Do not open it or put it on a plate.</li><li>Give it with wrapped disposable "
                            "cutlery.</li><li>If there is no kosher meal, offer sealed, kosher-marked snacks, whole "
                            "fruit or sealed drinks, and find out how your force gets a meal quickly.</li><li>Record "
                            "what you offered and what the detainee said.</li></ol>"
                        ),
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Two times of year need extra thought. During <b>Pesach</b>, ask for a meal marked as "
                        "kosher for Passover. On <b>Yom Kippur</b>, and on some other fast days, an observant "
                        "detainee may refuse all food and drink from sunset until nightfall the next day. Record the "
                        "fast, tell the custody sergeant and involve a healthcare professional if there is any "
                        "concern about the detainee's health. Jewish law does not require anyone to fast when it puts "
                        "their health at risk, so medical advice carries weight with most observant people.</p><p>If "
                        "a family offers to bring in kosher food, follow your force's policy on food from outside.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Why a detainee might refuse a meal that looks kosher",
                        "body": (
                            "<p>A meal can be made from kosher ingredients and still not be acceptable. It may have "
                            "been cooked or reheated in an ordinary kitchen, opened to check it, or put on a plate "
                            "used for other food. Or it may be certified by an authority the detainee does not rely "
                            "on: different communities trust different certifying bodies. Do not take offence. Ask "
                            "what would be acceptable, and record it.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Religious dress",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>You will often see some or all of these:</p><ul><li><b>Kippah</b> (also <i>yarmulke</i>): "
                        "a small skullcap worn by many Jewish men, either all the time or for prayer and meals.</li>"
                        "<li><b>Tzitzit</b>: a fringed garment worn under or over a shirt by observant men and boys. "
                        "The knotted strings often hang at the waist.</li><li><b>Charedi dress</b>: many strictly "
                        "Orthodox men wear a dark suit, a white shirt, a black hat and a beard, and some have long "
                        "sidelocks (<i>peyot</i>). Chasidic men may wear a long black coat and, on Shabbat, a fur "
                        "hat.</li><li><b>Women's hair covering</b>: many married Orthodox women cover their hair with "
                        "a scarf, snood, hat or wig (<i>sheitel</i>). A wig worn for this reason is a religious head "
                        "covering, just as a scarf is.</li><li><b>Modest dress</b>: Orthodox women usually wear long "
                        "skirts, and sleeves to the elbow or below.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Searches and head coverings",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Treat a kippah, a hat worn for religious reasons, a headscarf or a wig as you would any "
                        "religious head covering. PACE Code A expects that, where there may be religious "
                        "sensitivities, you let the person remove the item out of public view and, where practicable, "
                        "in the presence of an officer of the same sex. In a search in public you can only require "
                        "someone to remove an outer coat, jacket or gloves, apart from the limited powers to remove "
                        "items worn to hide identity.</p><ul><li>Ask before removing any head covering. Explain why "
                        "you need to, and let the person remove it themselves.</li><li>Move out of public view first, "
                        "for example into a police vehicle or a private room.</li><li>Offer something to cover their "
                        "head while the item is off, if they want it, and give the item back as soon as you can.</li>"
                        "<li>In custody, a kippah or headscarf can usually be kept unless the risk assessment says "
                        "otherwise. If a custody photograph needs the head uncovered, take it in private, with a "
                        "same-sex officer where possible, following your force's custody imaging policy.</li><li>If "
                        "tzitzit must be removed because of a risk assessment, for example because of the strings, "
                        "explain why, store them respectfully with the detainee's property and record it.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Touch and contact",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Some strictly Orthodox men and women do not touch anyone of the opposite sex outside "
                        "their close family, and that includes shaking hands. If someone does not take your hand, it "
                        "is not rudeness but a religious practice. A nod and a smile are fine. Some people will shake "
                        "hands to avoid embarrassing you; that is their choice.</p><p>For the same reason, some "
                        "people are uncomfortable being alone in a closed room with someone of the opposite sex who "
                        "is not their spouse. During an interview or statement you can leave the door open, bring a "
                        "colleague or, where practicable, arrange an officer of the same sex.</p><p>When physical "
                        "contact is necessary, for example for first aid, an arrest or a search, do what you need to "
                        "do. Explain what you are doing and why, use a same-sex officer for searches as PACE "
                        "requires, and keep contact to what is needed.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Religious items",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Jewish people treat texts that contain the name of God with great respect. Worn-out "
                        "prayer books are buried or stored, never thrown away. You may come across:</p><ul><li>"
                        "<b>Prayer books</b> (<i>siddur</i>) and printed Bibles or commentaries.</li><li>"
                        "<b>Tefillin</b>: two small black leather boxes with leather straps, containing handwritten "
                        "passages of scripture. Men wear them for weekday morning prayers. Never open the boxes.</li>"
                        "<li><b>Tallit</b>: a prayer shawl with fringes at the corners, usually kept in its own "
                        "bag.</li><li><b>Mezuzah</b>: a small case fixed to the doorframe of a Jewish home or "
                        "building, containing a handwritten scroll. A mezuzah torn down or damaged is often a sign of "
                        "deliberate targeting.</li></ul>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Handling religious items",
                        "do": [
                            "Handle holy books and items carefully and keep them off the floor",
                            "Put them in a clean bag or tray, away from shoes and dirty items",
                            "Ask the owner how they would like an item handled or carried",
                            (
                                "Let a detainee pray, facing roughly south-east towards Jerusalem, if the risk "
                                "assessment allows"
                            ),
                            "Supervise the use of tefillin in a cell, because of the straps",
                        ],
                        "dont": [
                            "Open tefillin boxes or take the scroll out of a mezuzah",
                            "Put a prayer book on the floor, on a seat or in a toilet area",
                            "Throw away a damaged religious book: return it to the owner or their synagogue",
                            "Comment on or joke about religious dress or items",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A custody officer opens a sealed kosher meal to check it before serving it. The detainee "
                            "refuses it. What should happen next?"
                        ),
                        "choices": [
                            {
                                "text": "Record that the detainee refused food and move on",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Offer a new sealed meal, checked without breaking the seal, and record what "
                                    "happened"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Offer the standard vegetarian meal instead",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Opening the meal can make it unacceptable to someone who keeps kosher. Any check "
                            "should look at the outer packaging and seal without opening it, following your custody "
                            "suite's procedure. Offer a replacement and record what happened. A vegetarian meal from "
                            "an ordinary kitchen is not kosher.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "You attend a burglary at a Charedi family's home. You offer to shake hands with the "
                            "mother, who politely declines. What is happening?"
                        ),
                        "choices": [
                            {
                                "text": "She is signalling that she does not want to help the police",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "She follows a religious practice of not touching men outside her close family"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "She is unhappy that a male officer has been sent",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Not touching the opposite sex, including shaking hands, is a common religious "
                            "practice in strictly Orthodox communities and is not meant as rudeness. Carry on as "
                            "normal, with a nod instead of a handshake. If you take a statement, ask whether she "
                            "would like the door left open or a colleague present.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Synagogues and community security",
            "slug": "synagogues-and-community-security",
            "summary": (
                "What you will find inside a synagogue, how to search one with respect, and how to work with CST and "
                "local security volunteers."
            ),
            "estimated_minutes": 9,
            "review_by": datetime.date(2027, 10, 1),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Synagogues are places of worship, but many are also community centres, with schools, "
                        "youth clubs and offices on the same site. Jewish places face a persistent threat of "
                        "terrorism and hate crime, so most have visible security: fences, locked doors, cameras and "
                        "trained volunteers at the entrance. You will work alongside these teams at events, after "
                        "incidents and in emergencies.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Before any search",
                        "body": (
                            "<p>Speak to the rabbi or the building's security team before you search a synagogue or "
                            "Jewish communal building, unless a life is at risk and there is no time. Do not touch "
                            "the Torah scrolls. If one needs to be moved, ask a member of the community to move "
                            "it.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Inside a synagogue",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Synagogues vary in size and style, but most share the same main features. The most "
                        "important is the <b>ark</b>, a cabinet usually set in the wall that faces towards Jerusalem, "
                        "which holds the <b>Torah scrolls</b>. Each scroll contains the Five Books of Moses, written "
                        "by hand on parchment by a trained scribe, which can take a year or more. The scrolls are the "
                        "holiest objects in Jewish life. People stand when a scroll is carried past, and dropping one "
                        "is treated as a serious matter by the whole congregation.</p><p>In Orthodox synagogues men "
                        "and women sit separately, divided by a screen or with women in a gallery. Men, and many "
                        "married women, cover their heads. If you go in during a service you are not expected to take "
                        "part, but a male officer may be asked to cover his head. Your uniform headwear, or a kippah "
                        "offered at the door, is usually welcome; follow your force's policy on headwear.</p><p>On "
                        "Shabbat and festivals, worshippers will not use phones, and many synagogues do not allow "
                        "photography inside. If you need photographs as evidence, explain why and take them "
                        "discreetly.</p>"
                    ),
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Inside a synagogue",
                        "items": [
                            {
                                "term": "Aron kodesh (the ark)",
                                "meaning": "The cabinet, often behind a curtain, where the Torah scrolls are kept.",
                            },
                            {
                                "term": "Sefer Torah",
                                "meaning": (
                                    "A Torah scroll, handwritten on parchment and usually dressed in a decorated "
                                    "cover with silver ornaments."
                                ),
                            },
                            {
                                "term": "Bimah",
                                "meaning": "The raised platform from which the Torah is read.",
                            },
                            {
                                "term": "Ner tamid",
                                "meaning": "A light kept burning at all times above or near the ark.",
                            },
                            {
                                "term": "Mechitza",
                                "meaning": (
                                    "The screen or partition between men's and women's seating in an Orthodox "
                                    "synagogue."
                                ),
                            },
                            {
                                "term": "Genizah",
                                "meaning": (
                                    "A store for worn-out holy books and objects, which are later buried rather than "
                                    "thrown away."
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Searching a synagogue or communal building",
                        "level": "h2",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "Planning a search",
                        "body": (
                            "<p>Whether you are looking for a suspect, a suspicious item or evidence after a "
                            "break-in:</p><ul><li>Contact the rabbi, a synagogue officer or the security team first. "
                            "They know the building, who is inside and which rooms matter.</li><li>Ask a member of "
                            "the community to open the ark and, if needed, to lift out or move the Torah scrolls "
                            "while you watch.</li><li>Keep holy books off the floor. If you must move them, put them "
                            "on a clean surface.</li><li>Afterwards, leave rooms as you found them and tell the rabbi "
                            "or security lead what you moved.</li><li>If a life is at risk, act first and explain "
                            "afterwards.</li></ul>"
                        ),
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>After a break-in, theft or damage, treat the holy objects as the congregation does. Ask "
                        "for a description and any identifying features of stolen scrolls or ornaments. Damaged "
                        "scrolls and books will be repaired or buried rather than thrown away, so agree with the "
                        "community what you need to keep as evidence and when the rest can be returned.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "If a Torah scroll is damaged or desecrated",
                        "body": (
                            "<p>Damage to a Torah scroll is felt as a blow to the whole community, not only to the "
                            "building's owners. Treat it as a possible hate crime. Photograph the damage where it is, "
                            "with a member of the community present, and agree how the scroll will be handled: the "
                            "community may want to consult a rabbi or scribe before it is moved. Tell them which "
                            "items you need to keep as evidence and for how long, and return them promptly.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Community security: CST and local volunteers",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Community Security Trust (CST) is a charity that protects Jewish people and places in "
                        "the UK. It advises communities on security, trains volunteers, supports security at "
                        "synagogues, schools and events, and records antisemitic incidents. CST works closely with "
                        "police forces, sharing information about incidents and threats.</p><p>At most synagogues and "
                        "Jewish schools you will meet trained volunteers or security staff at the door. They:</p><ul>"
                        "<li>may stop you and ask who you are, even in uniform. Show your warrant card: checking "
                        "identity is exactly their job</li><li>know the building, its exits and its cameras, and "
                        "often hold footage and incident logs</li><li>are usually the first to notice suspicious "
                        "behaviour, such as someone filming the entrance or asking about security arrangements</li>"
                        "<li>have no powers beyond those of any member of the public.</li></ul><p>Take reports of "
                        "possible hostile reconnaissance seriously. Record them in full and pass them on through your "
                        "force's counter-terrorism reporting route, even if nothing else happened.</p><p>The threat "
                        "is real. In October 2025 a terrorist attacked worshippers outside a synagogue in Crumpsall, "
                        "Manchester, on Yom Kippur. Two members of the congregation were killed and others were "
                        "seriously injured, and the attacker was kept out of the building. Festivals, when synagogues "
                        "are full, need particular attention in patrol and event plans.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Shomrim",
                        "level": "h3",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>In some strictly Orthodox areas, volunteer patrol groups called <i>Shomrim</i> respond to "
                        "calls from the community and pass information to the police. Many have good working "
                        "relationships with their local teams. Like any member of the public, their volunteers may "
                        "only arrest someone within the law on citizen's arrest, and the investigation is yours. Take "
                        "their reports and evidence as you would any witness's, and keep in touch with their "
                        "coordinators as you would with any community partner.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Evacuations and cordons on Shabbat and festivals",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>An incident on Shabbat or a festival changes how you reach a congregation:</p><ul>"
                        "<li>Most people will not have phones with them and will not see messages or alerts.</li>"
                        "<li>They will not drive away, so plan walking routes and a place to gather.</li><li>Older "
                        "people and families with young children may need help and time.</li><li>Some will want to "
                        "carry the Torah scrolls out with them. Let them if it is safe. If it is not, explain that "
                        "you will protect the building.</li><li>The security team can make announcements, count "
                        "people out and get messages to families at home.</li></ul>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Working at synagogues",
                        "do": [
                            "Phone ahead before a planned visit and introduce yourself to the security team",
                            "Speak to the rabbi or security team before any search",
                            "Let a member of the community move the Torah scrolls",
                            "Record and pass on reports of suspicious activity at Jewish sites",
                            "Include festivals in patrol and event plans",
                        ],
                        "dont": [
                            "Touch or open the Torah scrolls yourself",
                            "Take offence when a volunteer checks your identity",
                            "Treat security volunteers as if they had police powers",
                            "Rely on phones or text alerts to reach a congregation on Shabbat",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "It is Saturday morning. A security volunteer reports an unattended bag by the gate of a "
                            "full synagogue. What should you do?"
                        ),
                        "choices": [
                            {
                                "text": "Ask the synagogue to phone or text congregants telling them to leave",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Follow your force's procedure for suspicious items, and work with the security "
                                    "team to move people on foot to a safe place"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Wait until the service ends so that worship is not disrupted",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Safety comes first, and saving life overrides Shabbat. Follow your force's procedure "
                            "for suspicious items. Worshippers will not have phones with them, so the security team, "
                            "who know the building and the congregation, are the quickest way to move people on foot "
                            "to a safe place.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "After a break-in at a synagogue, the ark has been forced open. The Torah scrolls are "
                            "still inside. You need to check whether anything was taken. What should you do?"
                        ),
                        "choices": [
                            {
                                "text": "Lift the scrolls out yourself, wearing gloves",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Ask the rabbi or a member of the community to open the ark and move the scrolls"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Leave the ark alone and do not examine it",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Torah scrolls are the holiest objects in a synagogue and should be handled by the "
                            "community. A member of the congregation can move them while you watch and record. Gloves "
                            "protect the evidence but do not make it appropriate for you to handle the scrolls. Agree "
                            "with the crime scene investigator and the community how the ark will be examined.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Death and bereavement",
            "slug": "death-and-bereavement",
            "summary": (
                "What Jewish practice asks after a death, how to work with the coroner and the family, and how to "
                "support mourners during shiva."
            ),
            "estimated_minutes": 9,
            "review_by": datetime.date(2027, 10, 1),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>How you deal with a death stays with a family for a long time. For many Jewish families, "
                        "religious law shapes what must happen in the hours after someone dies, and delay or careless "
                        "handling can add lasting hurt to their grief. You cannot change the law on deaths reported "
                        "to the coroner. You can make sure the family's wishes are known quickly and that the person "
                        "who has died is treated with dignity.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Speed and dignity",
                        "body": (
                            "<p>Jewish practice asks for burial as soon as possible, ideally within a day, and for "
                            "the body not to be left alone. Tell the coroner's officer about the family's wishes "
                            "early, including any objection to an invasive post-mortem. Never promise an outcome that "
                            "only the coroner can decide.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "What Jewish practice asks",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Burial as soon as possible</b>, ideally on the day of death or the next day. "
                        "Burials do not take place on Shabbat or on restricted festival days, so a death late in the "
                        "week can mean a painful wait.</li><li><b>The body is not left alone.</b> A family member or "
                        "volunteer, called a <i>shomer</i> (watcher), stays with the body until the funeral, often "
                        "reciting psalms.</li><li><b>Respect for the body.</b> The community's burial society "
                        "(<i>chevra kadisha</i>) washes and prepares the body and dresses it in simple shrouds. "
                        "Embalming is not used. Orthodox practice forbids cremation, although some Progressive Jewish "
                        "people choose it.</li><li><b>Objection to invasive post-mortem.</b> Many families, "
                        "especially Orthodox families, see cutting the body or removing organs as a violation of the "
                        "person, and will ask for a non-invasive examination instead.</li><li><b>Burial of the whole "
                        "person.</b> After a violent death, observant families may ask for blood and tissue to be "
                        "buried with the body.</li></ul>"
                    ),
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Words you may hear",
                        "items": [
                            {
                                "term": "Chevra kadisha",
                                "meaning": "The burial society: volunteers who prepare the body for burial.",
                            },
                            {
                                "term": "Tahara",
                                "meaning": "The ritual washing and preparation of the body before burial.",
                            },
                            {
                                "term": "Shomer",
                                "meaning": "A watcher who stays with the body until the funeral.",
                            },
                            {
                                "term": "Levayah",
                                "meaning": "The funeral.",
                            },
                            {
                                "term": "Onen",
                                "meaning": (
                                    "A close relative in the time between the death and the funeral, whose whole "
                                    "focus is arranging the burial."
                                ),
                            },
                            {
                                "term": "Shiva",
                                "meaning": "The seven days of mourning at home after the funeral.",
                            },
                            {
                                "term": "Kaddish",
                                "meaning": "A prayer said by mourners in the presence of a prayer group (minyan).",
                            },
                            {
                                "term": "Yahrzeit",
                                "meaning": "The anniversary of a death, marked every year.",
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "At a sudden or unexpected death",
                        "level": "h2",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "What to do",
                        "body": (
                            "<p>Investigate as you would any death, and also:</p><ul><li>ask the family whether they "
                            "want their rabbi or burial society contacted. Burial societies often know the local "
                            "coroner's process well and can help the family through it</li><li>ask whether they want "
                            "someone to stay with the body. Where it will not affect the investigation, let a family "
                            "member or watcher remain, and ask what can be arranged once the body is moved</li>"
                            "<li>keep the body covered and handle it with care. Do not remove religious items from "
                            "the body unless you need to</li><li>tell the coroner's officer as soon as you can that "
                            "the family is Jewish, wants an early burial and whether they object to an invasive "
                            "post-mortem. Put this in writing in your report to the coroner</li><li>give the family "
                            "the coroner's office contact details and explain honestly what happens next</li>"
                            "<li>avoid any delay in your own paperwork: every hour matters to this family.</li></ul>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Post-mortems and the coroner",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>When a death is reported to the coroner, the coroner decides whether a post-mortem "
                        "examination is needed and what kind. Neither the police nor the family make that "
                        "decision.</p><p>Coroners must take religious objections into account. In many cases a "
                        "non-invasive examination, such as a CT or MRI scan, together with the medical history, can "
                        "establish the cause of death without an invasive post-mortem, and coroners may accept it. It "
                        "will not always be enough, especially where the death is suspicious or the cause is unclear, "
                        "and an invasive examination may still be needed.</p><p>Your job is to make sure the coroner "
                        "knows the family's wishes early and clearly, and to explain the process to the family "
                        "without making promises. If the death is suspicious, explain sensitively that a forensic "
                        "post-mortem is likely and why. Make sure any family liaison officer knows about the family's "
                        "religious needs.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "After a violent death",
                        "level": "h3",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Observant families may ask for blood, and items soaked in blood, to be buried with the "
                        "body. Some communities have trained volunteers who recover these after a scene is released. "
                        "Explain what you must keep as evidence and for how long, pass the request to the senior "
                        "investigating officer or the coroner's officer, and tell the family when the scene and items "
                        "can be released.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Why a death late in the week can be harder",
                        "body": (
                            "<p>Burials do not take place on Shabbat or on restricted festival days. A death on a "
                            "Thursday or Friday, or just before a festival, can leave very little time before a wait "
                            "of one to three days. Coroners' offices may have limited cover at weekends, and "
                            "out-of-hours arrangements for urgent release differ from area to area. Ask your "
                            "coroner's officer what the local arrangements are, so that you can give the family "
                            "accurate information.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Shiva and later visits",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>After the funeral, the closest relatives (parents, children, brothers, sisters and "
                        "spouse) mourn at home for seven days. This is called <i>shiva</i>, from the Hebrew word for "
                        "seven. Mourners sit on low chairs, and mirrors may be covered. Friends and members of the "
                        "community visit to comfort them, and prayers are often held in the house in the morning and "
                        "evening. Mourners do not go out to work or to appointments during shiva. The public signs of "
                        "mourning pause on Shabbat.</p><p>If you need to see a family during shiva, for example to "
                        "update them or take a statement:</p><ul><li>arrange the time through a family contact, and "
                        "avoid prayer times and Shabbat</li><li>expect the house to be full of visitors, and ask for "
                        "a quiet room</li><li>go to them rather than asking them to come to the station</li><li>keep "
                        "your condolences short and sincere. By custom, visitors wait for the mourner to speak "
                        "first.</li></ul><p>Mourning continues in lighter forms for 30 days (<i>sheloshim</i>) and, "
                        "after the death of a parent, for a year. An inquest or trial that falls on the anniversary "
                        "of the death may be especially hard for the family.</p>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "After a death",
                        "do": [
                            "Tell the coroner's officer the family's wishes straight away, and put them in writing",
                            "Let someone stay with the body where the investigation allows",
                            "Keep the body covered and handle it with care",
                            "Ask whether the family want their rabbi or burial society contacted",
                            "Visit mourners at home during shiva, at a time they agree",
                        ],
                        "dont": [
                            "Promise a non-invasive post-mortem or a time when the body will be released",
                            "Leave the body alone when a watcher could stay",
                            "Remove religious items from the body without need",
                            "Ask mourners to come to the station during shiva unless it cannot wait",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "An elderly Orthodox man has died unexpectedly at home. His son asks you to promise there "
                            "will be no post-mortem so that the funeral can take place today. What should you say?"
                        ),
                        "choices": [
                            {
                                "text": "Promise it, as long as the death does not look suspicious",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Explain that the coroner decides, that you will pass on the family's wishes "
                                    "straight away, and give him the coroner's office contact details"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Tell him that a post-mortem is always needed after an unexpected death",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Only the coroner can decide whether a post-mortem is needed and what kind. Coroners "
                            "must consider religious objections and may accept a non-invasive examination, but you "
                            "cannot guarantee it. Passing on the wishes quickly, and being honest about the process, "
                            "gives the family the best chance of an early burial.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "The family ask whether a member of their community can stay with the body. The death "
                            "does not appear suspicious. What should you do?"
                        ),
                        "choices": [
                            {
                                "text": "Refuse, because nobody can stay with a body once the coroner is involved",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Allow it where it will not affect the investigation, and ask the coroner's "
                                    "officer what can be arranged once the body is moved"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Allow it only if a rabbi confirms in writing that it is required",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Not leaving the body alone is an important part of Jewish practice. If it does not "
                            "compromise the investigation, let a watcher stay. Once the body is moved, arrangements "
                            "depend on the mortuary and the coroner, so ask rather than guess.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Recognising and recording antisemitism",
            "slug": "recognising-and-recording-antisemitism",
            "summary": (
                "The forms antisemitism takes, how to record it as hate crime, and how to support victims, including "
                "through third-party reporting to CST."
            ),
            "estimated_minutes": 11,
            "review_by": datetime.date(2027, 3, 31),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Antisemitism is hostility towards Jewish people because they are Jewish. It is one of the "
                        "oldest forms of hatred, and it keeps changing shape: old myths come back in new language, "
                        "online and offline. You need to recognise it, record it properly and support the people it "
                        "harms. That can mean a whole community as well as the individual victim.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Perception decides the recording",
                        "body": (
                            "<p>If the victim or anyone else perceives that an offence was motivated by hostility or "
                            "prejudice towards Jewish people, record it as an antisemitic hate crime. You do not have "
                            "to prove the motive to record it that way. Proving hostility is a matter for the "
                            "investigation and, later, the court.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "What antisemitism looks like",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Abuse</b>: shouting, spitting or gestures aimed at people who look Jewish, often "
                        "men in a kippah or Charedi dress, and children in uniform on their way to or from a Jewish "
                        "school.</li><li><b>Threats</b>: in person, by letter, by phone or online, against "
                        "individuals, synagogues and schools.</li><li><b>Assault</b>: from pushing and throwing "
                        "objects to serious violence.</li><li><b>Damage</b>: graffiti such as swastikas, damage to "
                        "synagogues, schools, shops, homes and cars, mezuzahs torn from doorframes, and desecration "
                        "of graves.</li><li><b>Online hate</b>: abusive messages, posts and images, often in large "
                        "volumes, aimed at individuals or at Jewish people in general.</li><li><b>Conspiracy "
                        "tropes</b>: claims that Jewish people secretly control governments, banks or the media, or "
                        "are behind wars, disasters or disease.</li></ul>"
                    ),
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Recognising the language",
                        "items": [
                            {
                                "term": "Conspiracy tropes",
                                "meaning": (
                                    "Old myths about Jewish power or malice, such as secret control of money, the "
                                    "media or governments. They often appear in new forms, for example using "
                                    "'globalists' or 'Zionists' as code for Jewish people, or blaming one Jewish "
                                    "family for world events."
                                ),
                            },
                            {
                                "term": "Blood libel",
                                "meaning": (
                                    "The false medieval accusation that Jewish people murder children for ritual "
                                    "purposes. Versions of it still circulate, especially online."
                                ),
                            },
                            {
                                "term": "Holocaust denial and distortion",
                                "meaning": (
                                    "Denying that the Holocaust happened, minimising it, or mocking its victims. It "
                                    "is often used to taunt Jewish people."
                                ),
                            },
                            {
                                "term": "Coded symbols",
                                "meaning": (
                                    "Online, antisemites use codes such as triple brackets around a Jewish name, "
                                    "number codes and caricatures. If you don't understand a reference, ask the "
                                    "victim, a hate crime specialist or CST."
                                ),
                            },
                            {
                                "term": "Collective blame",
                                "meaning": (
                                    "Holding Jewish people in the UK responsible for the actions of the Israeli "
                                    "government, or targeting Jewish people and places because of events in the "
                                    "Middle East."
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Israel, politics and antisemitism",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Criticising the Israeli government, protesting about a war or supporting Palestinian "
                        "causes is not antisemitic in itself, and is often lawful protest. It becomes antisemitism "
                        "when Jewish people or places are targeted because of events in the Middle East, when Jewish "
                        "people are blamed collectively for Israel's actions, or when old antisemitic myths are aimed "
                        "at Israel or at 'Zionists' as a code for Jewish people. A swastika on a synagogue, or abuse "
                        "shouted at a Jewish child, is antisemitic whatever political message comes with it.</p>"
                        "<p>The UK government adopted the International Holocaust Remembrance Alliance (IHRA) working "
                        "definition of antisemitism in 2016. Its examples can help you think through borderline "
                        "cases. Your job is not to settle the politics, but to record what happened, what was said "
                        "and who perceived it as antisemitic.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "How much is reported",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>CST records antisemitic incidents across the UK and publishes yearly figures. At the time "
                        "of writing (2026), its record year was 2023, when it logged more than 4,000 incidents. Most "
                        "of those happened after the Hamas attack on Israel in October 2023, and yearly totals since "
                        "then have stayed far higher than before it. Reports rise sharply whenever there is conflict "
                        "involving Israel, so expect more incidents, and more worried communities, at those times.</p>"
                        "<p>Many incidents are never reported to anyone. Common reasons are a belief that nothing "
                        "will be done, or that abuse has become a normal part of life. Every report you handle well "
                        "makes the next one more likely.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Recording and the law",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Record an antisemitic crime as a hate crime whenever the victim or anyone else perceives "
                        "it to be motivated by hostility or prejudice. Jewish people are protected as a religious "
                        "group and as an ethnic group, so the hostility may fall under the religion or belief strand, "
                        "the race strand, or both. Follow your force's recording rules.</p><p>These are the laws most "
                        "often used:</p>"
                    ),
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "Laws often used for antisemitic hate crime",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Law",
                                "What it covers",
                            ],
                            [
                                "Crime and Disorder Act 1998, sections 28 to 32",
                                (
                                    "Racially or religiously aggravated assaults, criminal damage, public order "
                                    "offences and harassment, with higher maximum sentences."
                                ),
                            ],
                            [
                                "Sentencing Act 2020, section 66",
                                (
                                    "For any other offence, the court must treat hostility based on race or religion "
                                    "as an aggravating factor."
                                ),
                            ],
                            [
                                "Public Order Act 1986, Parts 3 and 3A",
                                (
                                    "Stirring up racial or religious hatred, for example through speeches, leaflets "
                                    "or online material. A prosecution needs the Attorney General's consent."
                                ),
                            ],
                            [
                                "Malicious Communications Act 1988 and Communications Act 2003, section 127",
                                "Sending messages that are grossly offensive, indecent, menacing or threatening.",
                            ],
                            [
                                "Online Safety Act 2023",
                                "Newer communications offences, including sending threatening communications.",
                            ],
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Where no crime has been committed, different rules apply. Since June 2023 a statutory "
                        "Code of Practice has limited when police record a non-crime hate incident with someone's "
                        "personal data. At the time of writing (2026), a national review by police leaders had "
                        "proposed further changes to how these incidents are handled. Follow your force's current "
                        "policy, and ask a supervisor if you are unsure.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Taking the report",
                        "level": "h2",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "At the scene or on the phone",
                        "body": (
                            "<p>As well as your usual investigation:</p><ul><li>deal with safety and injuries "
                            "first</li><li>record the exact words, gestures and symbols used, in the victim's own "
                            "words where you can. Ask what made them think it was antisemitic, and note any witness "
                            "who perceived it that way</li><li>capture evidence quickly: body-worn video, photographs "
                            "of graffiti before it is cleaned off, and CCTV. Synagogue and school security teams "
                            "often have cameras and may already hold footage</li><li>for online hate, record the web "
                            "address, account name, date and time, and take screenshots. Ask the victim not to reply "
                            "and not to delete anything. Do not share the material further</li><li>ask whether it has "
                            "happened before, to them or nearby. The same street or building is often targeted "
                            "again</li><li>once offensive graffiti is recorded, arrange for it to be removed. Leaving "
                            "it up prolongs the harm.</li></ul>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Third-party reporting through CST",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Some victims would rather report to CST than to the police, at least at first. CST "
                        "records incidents, supports victims and, with the victim's consent, can pass reports on to "
                        "the police. CST and many police forces share information about incidents, so that each has a "
                        "fuller picture. Victims can also report online through True Vision, the police's national "
                        "hate crime reporting site, at "
                        '<a href="https://www.report-it.org.uk">www.report-it.org.uk</a>. CST\'s own reporting '
                        'routes are on its website, <a href="https://cst.org.uk">cst.org.uk</a>.</p><p>Treat a '
                        "report that reaches you through CST exactly as you would one made to you directly. Tell "
                        "victims that reporting to CST, to True Vision or to the police are all valid, and that "
                        "reporting to one does not stop them talking to you later.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Supporting victims",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Victims of hate crime are entitled to enhanced support under the Victims' Code. In "
                        "practice:</p><ul><li>carry out a needs assessment and refer the victim to victim support "
                        "services, or to a Hate Crime Victims' Advocate where your area has one</li><li>agree how and "
                        "when you will update them, and keep to it</li><li>after threats, damage or repeat incidents, "
                        "think about security: your force's crime prevention officers can advise, and CST can advise "
                        "Jewish communal buildings and organisations and support individual victims</li><li>tell your "
                        "neighbourhood team. An attack on one synagogue or one family can frighten a whole community, "
                        "and reassurance patrols or a visit to community leaders may be needed</li><li>if the victim "
                        "is a child, work with the school and the parents, and follow safeguarding procedures.</li>"
                        "</ul>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Why the whole community is affected",
                        "body": (
                            "<p>Hate crime sends a message to everyone who shares the victim's identity: you are not "
                            "safe here. After a synagogue is attacked or a visibly Jewish person is assaulted, other "
                            "Jewish people may change how they dress, hide a kippah under a cap, avoid walking to "
                            "synagogue or keep their children at home. That is why community reassurance, visible "
                            "patrols and quick feedback through trusted partners matter as much as the investigation "
                            "itself.</p>"
                        ),
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Responding to antisemitism",
                        "do": [
                            "Record a hate crime when the victim or anyone else perceives the offence as antisemitic",
                            "Write down the exact words and symbols used",
                            "Capture online evidence: address, account, date, time and screenshots",
                            "Ask about previous incidents",
                            "Tell victims about CST and True Vision as well as police reporting",
                            "Let the neighbourhood team know so they can reassure the community",
                        ],
                        "dont": [
                            "Decide it is not antisemitism because the victim is unsure of the motive",
                            "Dismiss abuse because it was framed as politics",
                            "Ask the victim to prove that the offender knew they were Jewish",
                            "Leave offensive graffiti in place longer than you need to record it",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A man wearing a kippah is pushed in the street and told 'your lot run the banks'. He is "
                            "not sure why he was targeted, but a passer-by is certain it was antisemitic. How should "
                            "you record it?"
                        ),
                        "choices": [
                            {
                                "text": "As an assault only, because the victim is unsure",
                                "correct": False,
                            },
                            {
                                "text": "As an antisemitic hate crime, because a witness perceives it that way",
                                "correct": True,
                            },
                            {
                                "text": "As a non-crime hate incident",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Recording is based on perception, and the perception can be the victim's or anyone "
                            "else's. The words used are a classic conspiracy trope. Record it as a hate crime, and "
                            "investigate whether the evidence supports a racially or religiously aggravated "
                            "assault.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "During a protest about a war in the Middle East, someone paints 'Free Palestine' and a "
                            "swastika on the gate of a synagogue. Which is right?"
                        ),
                        "choices": [
                            {
                                "text": "It is political protest, so it is not a hate crime",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Targeting a synagogue with a swastika is antisemitic, whatever the political "
                                    "message"
                                ),
                                "correct": True,
                            },
                            {
                                "text": "It is only a hate crime if a member of the congregation saw it being done",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Protest about a war can be lawful, but targeting a Jewish place of worship with a "
                            "Nazi symbol is antisemitic. Record it as racially or religiously aggravated criminal "
                            "damage, capture the evidence, arrange removal and tell the neighbourhood team so they "
                            "can reassure the congregation.</p>"
                        ),
                    },
                },
            ],
        },
    ],
}
