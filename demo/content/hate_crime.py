import datetime

COURSE = {
    "title": "Hate crime: recognise, record, support",
    "slug": "hate-crime-recognise-record-support",
    "summary": (
        "What hate crime is, how to recognise and record hostility, the law you will use, and what to do at the "
        "scene and afterwards for the victim. Written for officers and staff in England and Wales."
    ),
    "learning_outcomes": [
        "Apply the shared police and CPS definition of hate crime and the five nationally monitored strands.",
        "Recognise evidence of hostility and record hate crimes and non-crime hate incidents correctly.",
        "Identify which aggravated offences, sentence uplift or stirring-up offences may apply to a case.",
        "Plan a first response that protects the victim, secures evidence and considers community impact.",
        "Give victims their enhanced rights under the Victims' Code and refer them to the right support.",
    ],
    "intended_audience": (
        "Police constables, special constables, PCSOs, sergeants and contact staff who take reports of, attend or "
        "investigate hate crime and hate incidents in England and Wales."
    ),
    "topic": "hate_crime",
    "developed_with": "",
    "validity_months": 12,
    "review_by": datetime.date(2027, 6, 30),
    "modules": [
        {
            "title": "What hate crime is",
            "slug": "what-hate-crime-is",
            "summary": (
                "The shared police and CPS definition, the five monitored strands, and the difference between a "
                "hate crime and a hate incident."
            ),
            "estimated_minutes": 8,
            "review_by": datetime.date(2027, 6, 30),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A hate crime is an ordinary offence with one extra feature: hostility towards who the "
                        "victim is, or who the offender thinks they are. A punch, a smashed window or a stream of "
                        "abusive messages can all be hate crimes.</p><p>The extra feature matters. Hate crime tells "
                        "the victim that they are not welcome because of their identity, something they cannot and "
                        "should not change. It often sends the same message to everyone who shares that identity. "
                        "Victims are often targeted again, and many never report at all. How you respond on the "
                        "first call can decide whether they report the next time.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "The shared definition",
                        "body": (
                            "<p>Police forces and the Crown Prosecution Service (CPS) use one definition. A hate "
                            "crime is any criminal offence that the victim, or anyone else, perceives to have been "
                            "motivated by hostility or prejudice towards a personal characteristic of the "
                            "victim.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "The three parts of the definition",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ol><li><b>There is a criminal offence.</b> If no offence has been committed, it may be a "
                        "hate incident instead (see below and the next module).</li><li><b>Someone perceives "
                        "hostility or prejudice.</b> That person can be the victim, a witness, a relative, a carer, "
                        "a teacher, a support worker, a third-party reporting centre or you. The victim does not "
                        "have to be the one who sees it that way.</li><li><b>The hostility is based on a personal "
                        "characteristic.</b> It can be the victim's real characteristic or one the offender "
                        "assumed. It only needs to be part of the motive.</li></ol><p>Perception is the test for "
                        "<i>recording</i> a hate crime. It is not the test for <i>proving</i> one in court. A "
                        "prosecution still needs evidence of hostility, which you will learn to gather in later "
                        "modules.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "The five monitored strands",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Forces in England and Wales monitor five strands nationally. Each hate crime you record "
                        "should be flagged with every strand that applies. A single offence can carry more than one "
                        "flag.</p>"
                    ),
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "The five nationally monitored hate crime strands",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Strand",
                                "What it covers",
                                "Points to remember",
                            ],
                            [
                                "Race or ethnicity",
                                "Race, colour, nationality, citizenship, and ethnic or national origin.",
                                (
                                    "Includes hostility towards Gypsy, Roma and Traveller people, migrants, "
                                    "refugees and people seeking asylum, and towards any nationality, including "
                                    "white British people."
                                ),
                            ],
                            [
                                "Religion or belief",
                                "Any religion, and having no religion.",
                                (
                                    "Victims are often targeted because of visible signs of faith, such as clothing "
                                    "or a place of worship. The offender may get the victim's faith wrong; it is "
                                    "still religious hate crime."
                                ),
                            ],
                            [
                                "Sexual orientation",
                                "Gay, lesbian, bisexual and heterosexual people.",
                                (
                                    "The offender may assume someone's sexual orientation from how they look, who "
                                    "they are with or where they are."
                                ),
                            ],
                            [
                                "Disability",
                                "Physical and learning disabilities, mental ill health, and sensory impairments.",
                                (
                                    "Often under-recorded. Look out for people who are befriended and then "
                                    "exploited, and for repeated low-level abuse that is written off as anti-social "
                                    "behaviour."
                                ),
                            ],
                            [
                                "Transgender identity",
                                "Trans men and women, non-binary people, and people who cross-dress.",
                                "Includes people the offender wrongly assumes to be trans.",
                            ],
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p><b>Assumed identity and association count.</b> A man attacked because the offender "
                        "thinks he is gay is a victim of homophobic hate crime, whatever his orientation. A mother "
                        "abused because her son has a learning disability, or a partner abused because of who they "
                        "are in a relationship with, is also a victim of hate crime.</p><p>Some forces also record "
                        "other characteristics locally, for example sex or gender, or alternative subcultures. "
                        "Follow your force's policy. National figures count the five strands.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Hate crimes and hate incidents",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Not every report you take will be a crime. Someone may be shouted at in the street in a "
                        "way that does not meet the threshold for any offence. That is a hate incident, not a hate "
                        "crime. Hate incidents still matter: they cause distress, they can build into a pattern "
                        "that is a crime, such as harassment, and they can be the first sign of escalating "
                        "targeting.</p><p>Whether and how police record a hate incident where no crime has been "
                        "committed is now governed by a statutory Code of Practice. Module 2 covers this in "
                        "detail.</p>"
                    ),
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Key terms",
                        "items": [
                            {
                                "term": "Hate crime",
                                "meaning": (
                                    "Any criminal offence that the victim or anyone else perceives to be motivated "
                                    "by hostility or prejudice based on a personal characteristic."
                                ),
                            },
                            {
                                "term": "Hate incident",
                                "meaning": (
                                    "Something that is not a criminal offence but is perceived by the victim or "
                                    "anyone else to be motivated by hostility or prejudice based on a personal "
                                    "characteristic."
                                ),
                            },
                            {
                                "term": "Hostility",
                                "meaning": (
                                    "Given its everyday meaning: ill will, spite, contempt, prejudice, "
                                    "unfriendliness, resentment or dislike."
                                ),
                            },
                            {
                                "term": "Monitored strand",
                                "meaning": (
                                    "One of the five characteristics that forces record and report on nationally."
                                ),
                            },
                            {
                                "term": "Perception-based recording",
                                "meaning": (
                                    "Recording a report as hate-related because someone perceives it that way, "
                                    "without first asking them to prove it."
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Why is recording based on perception?",
                        "body": (
                            "<p>The approach comes from the Stephen Lawrence Inquiry report (1999). The inquiry "
                            "found that police had failed to treat a racist murder as racist, and it recommended "
                            "that racist incidents be recorded on the perception of the victim or any other "
                            "person.</p><p>The aim is to stop hostility being missed or dismissed at the first "
                            "point of contact. Recording on perception makes sure the case is looked at properly, "
                            "the victim gets the right support, and patterns become visible. The investigation that "
                            "follows then tests the evidence.</p>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "Always ask the question",
                        "body": (
                            "<p>At every report of crime against a person or their property, ask the victim whether "
                            "they think it happened because of who they are, or who the offender thought they were. "
                            "Ask witnesses too. Many victims will not raise it themselves, often because they have "
                            "come to expect abuse or doubt that police will take it seriously.</p>"
                        ),
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Recognising hate crime",
                        "do": [
                            "Ask every victim and witness whether they think hostility played a part.",
                            (
                                "Flag every strand that applies, including where the offender assumed the victim's "
                                "identity."
                            ),
                            (
                                "Treat a perception from a witness, carer or third party as seriously as one from "
                                "the victim."
                            ),
                            "Record exactly what was said or done that suggests hostility.",
                        ],
                        "dont": [
                            "Don't ask the victim to prove the offender was hostile before you record it.",
                            "Don't rule out hate crime because the victim and suspect know each other.",
                            (
                                "Don't dismiss repeated low-level abuse of a disabled person as anti-social "
                                "behaviour without asking about hostility."
                            ),
                            "Don't drop the flag because there was also another motive, such as theft.",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A taxi driver is assaulted by a passenger after an argument about the fare. The driver "
                            "tells you it was just about money. A witness says the passenger used a racist slur as "
                            "he struck the driver. How should you record this?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "As a hate crime, flagged for race, because a witness perceives racial hostility."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "As an assault only, because the victim does not see it as a hate crime.",
                                "correct": False,
                            },
                            {
                                "text": "As a hate incident, because the main motive was the fare.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>The definition covers perception by the victim <b>or any other person</b>. The "
                            "witness's account, including the slur, is enough to record and flag it. An offence can "
                            "have more than one motive, so the fare dispute does not cancel the hostility. It is a "
                            "crime, so it is not a hate incident.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A Sikh man reports that a group shouted anti-Muslim abuse at him and pushed him off "
                            "his bike. Which statement is right?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "It is religious hate crime: the offenders' mistake about his faith does not "
                                    "matter."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "It cannot be religious hate crime because he is not Muslim.",
                                "correct": False,
                            },
                            {
                                "text": "It should be recorded only as a hate incident until his faith is confirmed.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Hostility based on a <b>presumed</b> characteristic counts. The offenders targeted "
                            "him because of the faith they assumed he had. Record the crime and flag it for "
                            "religion. Consider whether race applies too, and ask him how he sees it.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Recognising hostility and recording it",
            "slug": "recognising-and-recording-hostility",
            "summary": (
                "How to record hate crime on perception, what to ask, what evidence shows hostility, and the rules "
                "on non-crime hate incidents at the time of writing."
            ),
            "estimated_minutes": 9,
            "review_by": datetime.date(2027, 5, 20),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Accurate recording drives almost everything that follows: the risk assessment, the "
                        "support the victim is offered, the priority the investigation gets, and the picture your "
                        "force has of tension in its communities. This module covers how to record hate crime, what "
                        "to ask, what evidence of hostility looks like, and the separate rules for incidents that "
                        "are not crimes.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Guidance in this module changes",
                        "body": (
                            "<p>The rules on non-crime hate incidents are described as they stood at the time of "
                            "writing (2026). They are under national review. Check your force's current policy and "
                            "the College of Policing's current guidance before you rely on that section. This "
                            "module has an earlier review date than the rest of the course for that reason.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Recording a hate crime",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>When a crime has been committed and the victim, or anyone else, perceives hostility "
                        "based on one of the monitored strands:</p><ul><li>record the crime in line with the "
                        "national crime recording rules and your force's standards;</li><li>apply the hate crime "
                        "flag for every strand that applies;</li><li>note who perceived the hostility and why, in "
                        "their own words;</li><li>do not challenge the perception or ask for proof before you "
                        "record it.</li></ul><p>Recording on perception is not the same as deciding the case. If "
                        "later evidence shows there was no hostility, the investigation will record that. What you "
                        "must not do is leave the flag off at the start because you are not yet sure.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "What to ask",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Victims often play down what happened. Ask open questions and give them time. Useful "
                        "questions include:</p><ul><li>Why do you think this happened to you?</li><li>Do you think "
                        "it was because of who you are, or who they thought you were?</li><li>What exactly was "
                        "said, written or done? Tell me the words, even if they are offensive.</li><li>Has anything "
                        "like this happened before, to you or to anyone you know nearby?</li><li>Do you know the "
                        "person, or have you seen them before?</li><li>Who else was there? Did anyone film it, or "
                        "is there a camera nearby?</li><li>Are you worried it will happen again? What would help "
                        "you feel safe?</li></ul>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "Record the exact words",
                        "body": (
                            "<p>Write down offensive words exactly as they were said, in quotation marks, in your "
                            'notes and on the crime report. Do not paraphrase them as "racist abuse" or '
                            '"homophobic comments". The exact words are often the main evidence of hostility, and '
                            "a prosecutor cannot use a summary. Switch on your body-worn video early so the first "
                            "account is captured.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Evidence that can show hostility",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Hostility can be shown directly or inferred from the circumstances. Look "
                        "for:</p><ul><li><b>Words and gestures</b>: slurs, insults, mocking of accent, faith, "
                        "disability or appearance, offensive gestures, before, during or straight after the "
                        "offence.</li><li><b>Writing and symbols</b>: graffiti, notes, offensive images or symbols "
                        "left at the scene.</li><li><b>The target</b>: a place of worship, a community centre, a "
                        "shop or home known to belong to a particular community, or items of religious significance "
                        "damaged or taken.</li><li><b>Timing</b>: on or near a religious festival or Pride event, "
                        "or soon after a national or international event that has raised "
                        "tension.</li><li><b>Selection</b>: the victim was the only person of a group singled out, "
                        "or there is no other obvious reason for the offence.</li><li><b>History</b>: previous "
                        "incidents against the same victim, address or community, or previous hostility shown by "
                        "the suspect.</li><li><b>The suspect's own material</b>: posts, messages, tattoos, clothing "
                        "or literature, obtained lawfully, that show hostility towards the group.</li></ul>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Hostility does not need to be the whole motive",
                        "body": (
                            "<p>An offence can start for an ordinary reason, such as a dispute over parking, and "
                            "become a hate crime when the offender shows hostility during it. The offender does not "
                            "need to hate the whole group, and the hostility does not need to be the main reason "
                            "for the offence. Record what was said and done, and let the investigation and the CPS "
                            "decide how the law applies.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Non-crime hate incidents: the rules at the time of writing",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A non-crime hate incident (NCHI) is a report that someone perceives as motivated by "
                        "hostility or prejudice based on a monitored strand, but where no crime has been committed. "
                        "How police record these has changed a lot.</p><p><b>Miller v College of Policing "
                        "(2021).</b> In this case the Court of Appeal found that the national guidance then in "
                        "force on recording NCHIs did not do enough to protect freedom of expression under Article "
                        "10 of the European Convention on Human Rights. Recording a lawful opinion as a hate "
                        "incident, and visiting the person about it, can discourage people from speaking "
                        "lawfully.</p><p><b>The statutory Code of Practice (June 2023).</b> After the judgment, "
                        "Parliament gave the Home Secretary power to issue a statutory code. The Non-Crime Hate "
                        "Incidents Code of Practice came into force in June 2023 and applies in England and Wales. "
                        "At the time of writing it says, in summary:</p><ul><li>Do not record an NCHI if the report "
                        "is trivial, irrational or malicious, or if there is no basis to conclude that the incident "
                        "was motivated by intentional hostility.</li><li>Lawful debate, humour, satire and "
                        "personally held views are not, on their own, grounds to record an NCHI.</li><li>The "
                        "personal data of the person reported can be included only if there is a <b>real risk of "
                        "significant harm</b> to people with a monitored characteristic, or a <b>real risk that a "
                        "future criminal offence</b> may be committed against them.</li><li>Where someone's "
                        "personal data is recorded, they should normally be told, unless telling them would create "
                        "a safeguarding risk.</li><li>Freedom of expression must be considered in every decision, "
                        "and the response must be proportionate.</li></ul>"
                    ),
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "Crime or incident: what to record (at the time of writing)",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "What you find",
                                "What to record",
                            ],
                            [
                                "An offence, and hostility perceived by the victim or anyone else",
                                "A crime, with the hate crime flag for each strand that applies.",
                            ],
                            [
                                (
                                    "No offence, and the report is trivial, irrational or malicious, or shows no "
                                    "basis for intentional hostility"
                                ),
                                (
                                    "Not an NCHI. Record the contact as your force's policy requires and explain "
                                    "the decision to the person who reported it."
                                ),
                            ],
                            [
                                (
                                    "No offence, some basis for intentional hostility, but no real risk of "
                                    "significant harm or of a future offence"
                                ),
                                (
                                    "Follow your force's policy. Under the Code, the personal data of the person "
                                    "reported should not be included."
                                ),
                            ],
                            [
                                (
                                    "No offence, and a real risk of significant harm or of a future offence against "
                                    "people with the characteristic"
                                ),
                                (
                                    "An NCHI may include the personal data of the person reported, with the reasons "
                                    "recorded. Tell them unless that creates a safeguarding risk."
                                ),
                            ],
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p><b>A national review.</b> At the time of writing, the National Police Chiefs' Council "
                        "and the College of Policing have reviewed NCHIs, publishing their final review in March "
                        "2026. Police leaders said they wanted to replace NCHIs with a narrower system focused on "
                        "the most serious cases. Changes to force practice and to the statutory Code may follow or "
                        "may already have happened. If the rules you work under differ from this section, follow "
                        "the current rules and tell your trainer so this course can be updated.</p><p>Whatever the "
                        "recording rules, the duty to safeguard does not change. A person who reports a hate "
                        "incident should be listened to, have their safety assessed, and be offered support.</p>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Recording",
                        "do": [
                            "Record a crime and apply the hate flag whenever hostility is perceived.",
                            "Write down who perceived hostility and why.",
                            "Check records for earlier reports involving the same victim, address or suspect.",
                            "For a non-crime report, apply the Code's tests and record your reasons.",
                        ],
                        "dont": [
                            "Don't wait for proof of hostility before flagging a crime.",
                            (
                                "Don't record someone's lawful opinion as a hate incident because another person "
                                "was offended."
                            ),
                            (
                                "Don't include the personal data of the person reported unless the Code's risk test "
                                "is met."
                            ),
                            "Don't ignore a non-crime report: assess risk and offer support.",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A neighbour reports that the man next door shouted a homophobic slur at him across the "
                            "garden fence this morning. No one else heard it. The neighbour was shocked and upset. "
                            "What should you do?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Treat it as a possible public order offence, record a crime flagged for sexual "
                                    "orientation, and investigate."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Record it as a non-crime hate incident because there is only one witness.",
                                "correct": False,
                            },
                            {
                                "text": "Take no action unless the neighbour can prove what was said.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Abusive words that cause harassment, alarm or distress can be an offence, and a "
                            "single witness can be enough to record a crime. You record on perception and then "
                            "investigate: speak to the suspect, look for cameras, and check for previous incidents "
                            "between them.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A caller says a stranger's public post arguing one side of a contested political "
                            "debate offends her faith. The post contains no threats, no abuse aimed at anyone and "
                            "no incitement. Under the Code at the time of writing, what is the right approach?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Explain that lawfully expressed views are not grounds for an NCHI, record the "
                                    "contact as policy requires, and do not record the poster's personal data."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Record an NCHI naming the poster, because the caller perceives hostility.",
                                "correct": False,
                            },
                            {
                                "text": "Visit the poster to ask them to remove the post.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>The Code says lawful debate and personally held views are not, on their own, "
                            "grounds for an NCHI, and personal data can be recorded only where there is a real risk "
                            "of significant harm or of a future offence. Visiting someone about lawful speech was "
                            "one of the problems identified in the Miller case. Treat the caller with respect and "
                            "explain the decision clearly.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "The law: aggravated offences, sentence uplift and stirring up hatred",
            "slug": "hate-crime-law",
            "summary": (
                "The three main legal tools for hate crime in England and Wales, and the evidence each one needs "
                "from you."
            ),
            "estimated_minutes": 10,
            "review_by": datetime.date(2027, 6, 30),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        '<p>There is no single offence called "hate crime". The law deals with hostility in three '
                        "main ways: aggravated versions of some common offences, a duty on courts to increase "
                        "sentences for hostility, and separate offences of stirring up hatred. You do not need to "
                        "be a lawyer, but you need to know which tool might apply so that you gather the evidence "
                        "it needs.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Three tools",
                        "body": (
                            "<ul><li><b>Aggravated offences</b> (Crime and Disorder Act 1998, ss. 28-32): race and "
                            "religion only. Hostility is part of the offence and must be "
                            "proved.</li><li><b>Sentence uplift</b> (Sentencing Act 2020, s. 66): any offence, all "
                            "five strands. The court must treat proven hostility as making the offence more "
                            "serious.</li><li><b>Stirring up hatred</b> (Public Order Act 1986, Parts 3 and 3A): "
                            "race, religion and sexual orientation. Aimed at hatred of a group, with extra "
                            "safeguards.</li></ul>"
                        ),
                    },
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "Hate crime law in England and Wales at a glance",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Law",
                                "What it does",
                                "Strands covered",
                                "Evidence you need to gather",
                            ],
                            [
                                "Crime and Disorder Act 1998, ss. 28-32",
                                (
                                    "Creates racially or religiously aggravated forms of assaults, criminal damage, "
                                    "certain public order offences, and harassment and stalking, with higher "
                                    "maximum penalties."
                                ),
                                "Race; religion",
                                "The basic offence, plus hostility shown at or around the time, or a hostile motive.",
                            ],
                            [
                                "Sentencing Act 2020, s. 66",
                                (
                                    "Requires the court to treat hostility as an aggravating factor when sentencing "
                                    "any offence, and to say so in open court."
                                ),
                                "Race; religion; sexual orientation; disability; transgender identity",
                                (
                                    "The offence, plus evidence of hostility that the prosecution can put before "
                                    "the court."
                                ),
                            ],
                            [
                                "Public Order Act 1986, Part 3",
                                (
                                    "Offences of stirring up racial hatred through words, behaviour, written "
                                    "material, recordings and broadcasts, and possessing inflammatory material."
                                ),
                                "Race",
                                (
                                    "The material or words in full, where and to whom they were shown, and anything "
                                    "that shows intent or likely effect."
                                ),
                            ],
                            [
                                "Public Order Act 1986, Part 3A",
                                (
                                    "Offences of stirring up hatred on grounds of religion or sexual orientation. "
                                    "Narrower than Part 3."
                                ),
                                "Religion; sexual orientation",
                                (
                                    "Threatening words or material, and evidence that the person intended to stir "
                                    "up hatred."
                                ),
                            ],
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Racially or religiously aggravated offences",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Section 28 of the Crime and Disorder Act 1998 sets the test. An offence is racially or "
                        "religiously aggravated if either:</p><ul><li>at the time of the offence, or immediately "
                        "before or after it, the offender <b>demonstrates</b> hostility towards the victim based on "
                        "the victim's membership, or presumed membership, of a racial or religious group; "
                        "or</li><li>the offence is <b>motivated</b>, wholly or partly, by hostility towards members "
                        "of a racial or religious group because they belong to that group.</li></ul><p>Membership "
                        "includes being associated with members of the group. It does not matter whether the "
                        "hostility was also based on something else. A racial group is defined by race, colour, "
                        "nationality (including citizenship) or ethnic or national origins. A religious group is "
                        "defined by religious belief or the lack of it.</p><p>Sections 29 to 32 then create "
                        "aggravated forms of specific offences:</p><ul><li>section 29: assaults, including common "
                        "assault, assault occasioning actual bodily harm, and malicious wounding or inflicting "
                        "grievous bodily harm;</li><li>section 30: criminal damage;</li><li>section 31: the public "
                        "order offences of causing fear or provocation of violence, intentional harassment, alarm "
                        "or distress, and harassment, alarm or distress;</li><li>section 32: harassment and "
                        "stalking offences, including putting people in fear of violence.</li></ul><p>The "
                        "aggravated forms carry higher maximum penalties than the basic offences. If the "
                        "aggravation is not proved, the defendant may still be convicted of the basic offence, so "
                        "always gather evidence of both.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Demonstrated hostility: the motive does not have to be hate",
                        "body": (
                            "<p>The first limb of the test looks at what the offender <i>showed</i>, not why they "
                            "started. If two drivers argue over a parking space and one assaults the other while "
                            "using a racial slur, the assault can be racially aggravated even though the argument "
                            "began over parking. The slur must be at the time of the offence or immediately before "
                            "or after it, so record the sequence of events and the timing of the words "
                            "precisely.</p><p>The second limb, motivation, can be proved from wider evidence, such "
                            "as the suspect's messages, previous conduct or the way the victim was selected. It is "
                            "often harder to prove, which is why exact words at the scene matter so much.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Sentence uplift for hostility",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Section 66 of the Sentencing Act 2020 applies to every offence. When a court sentences "
                        "an offence, it must treat it as more serious if:</p><ul><li>the offence was racially or "
                        "religiously aggravated; or</li><li>the offender demonstrated hostility, or was motivated "
                        "by hostility, based on the victim's sexual orientation, disability or transgender "
                        "identity, including where these were presumed.</li></ul><p>The court must state in open "
                        "court that the offence was aggravated in this way. The uplift is not applied a second time "
                        "for race or religion where the conviction is already for one of the aggravated offences in "
                        "the 1998 Act.</p><p>This is how the law currently deals with most homophobic, disability "
                        "and transphobic hate crime, and with racially or religiously motivated offences that have "
                        "no aggravated form, such as robbery, burglary or fraud. The court can only apply the "
                        "uplift if the prosecution can show the hostility. Your file must set out the evidence of "
                        "hostility clearly, and the case must be flagged as a hate crime when it goes to the "
                        "CPS.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Stirring up hatred",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>These offences are different from the rest of hate crime law. They are about conduct "
                        "aimed at stirring up hatred of a <b>group</b> in other people, not about harm to one "
                        "victim.</p><p><b>Part 3 (racial hatred)</b> covers threatening, abusive or insulting "
                        "words, behaviour or material, where the person intends to stir up racial hatred or, in all "
                        "the circumstances, racial hatred is likely to be stirred up. It covers speech, displaying "
                        "or publishing written material (including online), performances, recordings and "
                        "broadcasts, and possessing inflammatory material with a view to displaying, publishing or "
                        "distributing it.</p><p><b>Part 3A (religion and sexual orientation)</b> is deliberately "
                        "narrower. The words or material must be <b>threatening</b>, not merely abusive or "
                        "insulting, and the person must <b>intend</b> to stir up hatred. Part 3A also protects "
                        "freedom of expression in express terms: discussion, criticism, ridicule or strong dislike "
                        "of religions or beliefs, and discussion or criticism of sexual conduct, are not in "
                        "themselves offences.</p><p>A prosecution for any stirring-up offence needs the consent of "
                        "the Attorney General, and specialist CPS lawyers deal with them. If you come across "
                        "material that may fall under Part 3 or 3A, secure it, record where it was found and who "
                        "saw it, and tell your supervisor so specialist advice can be sought early.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Changes to the law",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>At the time of writing (2026), Parliament has considered extending the aggravated "
                        "offences to hostility based on disability, sexual orientation, transgender identity and "
                        "sex, through the Crime and Policing Bill. Before you make or advise on a charging "
                        "decision, check with your force's hate crime lead or legal services whether any change is "
                        "now in force. This course will be updated when the law changes.</p>"
                    ),
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Legal terms",
                        "items": [
                            {
                                "term": "Aggravated offence",
                                "meaning": (
                                    "A version of a basic offence, such as assault or criminal damage, in which "
                                    "racial or religious hostility is part of what must be proved, with a higher "
                                    "maximum penalty."
                                ),
                            },
                            {
                                "term": "Demonstrated hostility",
                                "meaning": (
                                    "Hostility shown by the offender towards the victim at the time of the offence, "
                                    "or immediately before or after it, for example through words or gestures."
                                ),
                            },
                            {
                                "term": "Motivated by hostility",
                                "meaning": (
                                    "Committing the offence wholly or partly because of hostility towards members "
                                    "of a group."
                                ),
                            },
                            {
                                "term": "Presumed membership",
                                "meaning": (
                                    "The offender believed the victim belonged to a group, whether or not they did."
                                ),
                            },
                            {
                                "term": "Sentence uplift",
                                "meaning": (
                                    "The increase in sentence that a court must apply when an offence is aggravated "
                                    "by hostility based on a monitored characteristic."
                                ),
                            },
                            {
                                "term": "Stirring up hatred",
                                "meaning": (
                                    "Words, behaviour or material aimed at, or likely to cause, hatred of a group "
                                    "among other people."
                                ),
                            },
                            {
                                "term": "Attorney General's consent",
                                "meaning": (
                                    "Permission from the government's chief law officer that is needed before a "
                                    "stirring-up prosecution can go ahead."
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Building the case",
                        "do": [
                            "Gather evidence for both the basic offence and the hostility.",
                            "Record the timing of any hostile words against the offence itself.",
                            "Make the hostility evidence clear in the file so the CPS can seek the uplift.",
                            "Seek early advice on possible stirring-up offences and secure the material.",
                        ],
                        "dont": [
                            (
                                "Don't assume there is no hate crime law for a strand just because there is no "
                                "aggravated offence for it."
                            ),
                            "Don't record offensive words as a summary when the exact words are available.",
                            "Don't arrest or charge for stirring up hatred without specialist advice.",
                            (
                                "Don't treat every offensive remark as a stirring-up offence: those laws are about "
                                "hatred of a group."
                            ),
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "Two neighbours argue about bins. One punches the other, causing a bruised cheek, and "
                            "while doing so calls him a racist name. Which is most likely to apply?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Racially aggravated assault under the Crime and Disorder Act 1998, because "
                                    "hostility was demonstrated at the time."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Only a basic assault, because the argument was about bins.",
                                "correct": False,
                            },
                            {
                                "text": "Stirring up racial hatred under the Public Order Act 1986.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Hostility demonstrated at the time of the offence is enough for the aggravated "
                            "form, whatever started the argument. Stirring up hatred is about hatred of a group "
                            "among other people, not an attack on one person.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            'A man is assaulted outside a bar by someone shouting that he is "disgusting" for '
                            "being gay. At the time of writing, how does the law recognise the hostility?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Through the sentence uplift in section 66 of the Sentencing Act 2020, if "
                                    "hostility is proved."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Through a homophobically aggravated assault charge under the 1998 Act.",
                                "correct": False,
                            },
                            {
                                "text": "It does not: only race and religion are recognised.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>At the time of writing the aggravated offences cover race and religion. Hostility "
                            "based on sexual orientation, disability or transgender identity is recognised through "
                            "the sentence uplift, which the court must apply and announce in open court. Check "
                            "whether the law has changed since this course was written.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "First response and investigation at the scene",
            "slug": "first-response-and-investigation",
            "summary": (
                "What to do when you attend: make people safe, secure evidence, take good statements, spot repeat "
                "victimisation and think about the wider community."
            ),
            "estimated_minutes": 9,
            "review_by": datetime.date(2027, 6, 30),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The first officer at a hate crime shapes the whole case. Evidence of hostility is often "
                        "fragile: words are forgotten, graffiti is scrubbed off, camera footage is overwritten, and "
                        "witnesses drift away. The victim's trust is fragile too. This module follows a typical "
                        "attendance from arrival to handover.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Your priorities at the scene",
                        "body": (
                            "<ol><li>Make people safe and get medical help.</li><li>Capture the first account and "
                            "the exact words.</li><li>Secure evidence before it is lost.</li><li>Find out whether "
                            "this has happened before.</li><li>Think about the wider community and tell your "
                            "supervisor.</li></ol>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Safety first",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Assess threat, harm and risk as you would at any incident, using your force's model "
                        "(many forces use THRIVE). Ask yourself:</p><ul><li>Is the suspect still nearby, and are "
                        "they likely to return?</li><li>Does the victim need first aid or an ambulance?</li><li>Is "
                        "anyone else at risk, such as family members, neighbours, or people using the same place of "
                        "worship or community building?</li><li>Is there a crowd, or a risk that the incident could "
                        "spread or lead to retaliation?</li></ul><p>If the suspect is identified and nearby, "
                        "consider arrest where the necessity test is met. Early arrest can secure evidence such as "
                        "clothing, phones and first accounts, and protects the victim.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Secure the evidence",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Body-worn video</b>: switch it on before you arrive. It captures the victim's "
                        "first account, their distress, the scene and anything the suspect "
                        "says.</li><li><b>Words</b>: write down exactly what was said, by whom, and when in the "
                        "sequence of events.</li><li><b>Scene</b>: preserve it, and photograph or film graffiti, "
                        "damage, notes and symbols in place before anything is cleaned or "
                        "removed.</li><li><b>Cameras</b>: identify CCTV, doorbell and dashboard cameras early. Many "
                        "systems overwrite footage within days. Ask owners to save it, and seize it in line with "
                        "your force's policy.</li><li><b>Phones</b>: victims and witnesses may have filmed the "
                        "incident or received messages. Note what exists and secure it. The online hate crime "
                        "course covers digital evidence in detail.</li><li><b>Witnesses</b>: get names and contact "
                        "details before people leave, and ask what they heard as well as what they "
                        "saw.</li><li><b>House-to-house</b>: consider it where the incident happened in a street or "
                        "near homes.</li><li><b>Forensic opportunities</b>: items thrown, touched or left behind, "
                        "and spray cans or pens used for graffiti.</li></ul>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Graffiti and offensive material: record it, then get it removed",
                        "body": (
                            "<p>Offensive graffiti on a home or a place of worship keeps harming the victim and the "
                            "community for as long as it stays up. Record it fully first: photographs from several "
                            "angles with a scale, wider shots showing the location, and forensic examination if "
                            "that is proportionate. Then help arrange prompt removal or covering. Many councils "
                            "offer fast removal of hate graffiti; check the arrangements in your area. If the owner "
                            "wants to clean it straight away, ask them to wait only as long as you need to record "
                            "it.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Statements",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A good statement from the victim and from each witness is the core of the case. Make "
                        "sure it includes:</p><ul><li>the exact words used, in quotation marks, and who said "
                        "them;</li><li>when the words were said, compared with the offence "
                        "itself;</li><li>gestures, symbols or behaviour that showed hostility;</li><li>why the "
                        "victim, or the witness, thinks hostility was involved;</li><li>any history between the "
                        "victim and the suspect, and earlier incidents;</li><li>the impact on the victim: fear, "
                        "changes to their routine, effect on family.</li></ul><p>Offer the victim the chance to "
                        "make a Victim Personal Statement, now or later. Use a professional interpreter when one is "
                        "needed, not a family member, neighbour or someone from the victim's community who may know "
                        "the people involved. For disabled victims, ask how they prefer to communicate and consider "
                        "whether an intermediary or special measures are needed. Victims of hate crime may qualify "
                        "as intimidated witnesses.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "The suspect",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>In interview, explore the hostility as well as the offence. Put the exact words to the "
                        "suspect and ask what they meant and why they said them. Ask about their relationship with "
                        "the victim and about earlier incidents. Where you have lawful grounds, consider searching "
                        "for, and seizing, material that shows hostility, such as messages, posts, literature or "
                        "clothing. Record any significant statements made on arrest or on the way to custody.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Repeat victimisation",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Many hate crime victims report only after many incidents. What you are told about may "
                        "be the latest of dozens. Before you leave, or as soon as you can:</p><ul><li>search your "
                        "force's systems for previous reports linked to the victim, the address, the suspect and "
                        "any vehicles;</li><li>ask the victim about anything they have not reported, and record "
                        "it;</li><li>consider whether the incidents together amount to harassment or stalking, "
                        "which needs a course of conduct;</li><li>flag the address or person on your systems in "
                        "line with your force's policy, so that call handlers and officers know the "
                        "history;</li><li>tell the local neighbourhood team, and consider partners such as housing "
                        "providers and council anti-social behaviour teams. Some areas run multi-agency panels for "
                        "victims at high risk.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Community impact",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Some hate crimes affect far more people than the victim. An attack on a place of "
                        "worship, an incident soon after a national event, or a video of an assault spreading on "
                        "social media can raise fear and tension across a whole community, and sometimes lead to "
                        "retaliation.</p><p>Tell your supervisor promptly when an incident might have a wider "
                        "impact. Your force may need a community impact assessment, which weighs the risk to the "
                        "community and the actions that will reduce it. Actions can include reassurance patrols, "
                        "contact with community leaders and security organisations, briefing the neighbourhood "
                        "team, and a clear public message. Follow your force's policy on who completes the "
                        "assessment and when.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "Graffiti on a place of worship at dawn",
                        "body": (
                            "<p>You are sent to offensive graffiti on the wall of a mosque before morning prayers. "
                            "Switch on body-worn video. Check that no one is hurt and there is no further damage or "
                            "suspicious item. Photograph and film the graffiti in place, and note any paint or "
                            "cans. Ask the caretaker or imam about cameras, earlier incidents and anyone seen "
                            "nearby. Tell your supervisor straight away so community impact can be assessed. Once "
                            "the graffiti is recorded, help arrange for it to be covered or removed before "
                            "worshippers arrive, and record a crime flagged for religion.</p>"
                        ),
                    },
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "Evidence checklist for the first officer",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Evidence",
                                "Why it matters",
                                "Act by",
                            ],
                            [
                                "Exact words and timing",
                                "Often the main proof of hostility",
                                "At the scene",
                            ],
                            [
                                "Body-worn video",
                                "Captures first account and demeanour",
                                "Before arrival",
                            ],
                            [
                                "CCTV and doorbell footage",
                                "May identify the suspect; often overwritten",
                                "Same day",
                            ],
                            [
                                "Graffiti and damage",
                                "Shows hostility and links incidents",
                                "Before removal",
                            ],
                            [
                                "Previous reports",
                                "Reveals patterns and risk",
                                "Before you leave, or same shift",
                            ],
                        ],
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "At the scene",
                        "do": [
                            "Switch on body-worn video early and keep it running.",
                            "Get the exact words and the order of events.",
                            "Search for previous incidents and record unreported ones.",
                            "Tell your supervisor about anything with a possible community impact.",
                            "Use a professional interpreter where needed.",
                        ],
                        "dont": [
                            "Don't let graffiti be removed before you have recorded it.",
                            "Don't leave without witness details.",
                            "Don't treat this report in isolation when there is a history.",
                            "Don't use family or community members to interpret for a victim.",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A disabled man tells you a group of teenagers has taken his shopping and mocked him. "
                            'He says this is "the fifth or sixth time" but he never reported it before. What '
                            "should you do about the earlier incidents?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Record what he tells you about them, check systems for linked reports, and "
                                    "consider whether together they amount to harassment."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Deal only with today's incident, as the others were not reported.",
                                "correct": False,
                            },
                            {
                                "text": "Advise him to report each earlier incident separately online.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Repeat victimisation is common in disability hate crime and is a key risk factor. "
                            "Earlier incidents can show hostility, reveal a course of conduct and change the risk "
                            "assessment. Record them, search for links, and involve the neighbourhood team and "
                            "partners.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "At 7am the caretaker of a synagogue shows you antisemitic graffiti on the front wall "
                            "and says he wants to scrub it off before children arrive for school at 8.30am. What is "
                            "the best response?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Record it fully now, tell your supervisor for community impact, then help get "
                                    "it removed or covered before the children arrive."
                                ),
                                "correct": True,
                            },
                            {
                                "text": (
                                    "Ask him to leave it until a crime scene investigator can attend later in the day."
                                ),
                                "correct": False,
                            },
                            {
                                "text": "Let him clean it off immediately; a description in your notes is enough.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>You need the evidence, and the community needs the graffiti gone. Photograph and "
                            "film it in place, consider forensic opportunities, and record a crime flagged for "
                            "religion and, if perceived, race. Then support quick removal or covering. An attack on "
                            "a synagogue may affect the wider Jewish community, so your supervisor needs to "
                            "know.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Supporting victims",
            "slug": "supporting-hate-crime-victims",
            "summary": (
                "Victims' Code rights, advocates and referral, third-party reporting routes, keeping victims "
                "updated, and why victim satisfaction matters."
            ),
            "estimated_minutes": 8,
            "review_by": datetime.date(2027, 6, 30),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Hate crime targets who someone is. Victims often feel unsafe in their own home or "
                        "street, change how they dress or travel, and worry about their families. Many do not "
                        "report because they expect not to be believed or think nothing will happen. Good support "
                        "helps victims recover, keeps them engaged with the investigation, and makes it more likely "
                        "that they, and people who know them, will report next time.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Enhanced rights under the Victims' Code",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Code of Practice for Victims of Crime in England and Wales (the Victims' Code) sets "
                        "out what every victim is entitled to, including the right to be understood, to have the "
                        "crime recorded without unjustified delay, to be referred to support services, to be kept "
                        "informed about the investigation, and to make a Victim Personal Statement.</p><p>Victims "
                        "of hate crime are among the victims entitled to <b>enhanced rights</b>, alongside victims "
                        "of other serious crime, persistently targeted victims, and vulnerable or intimidated "
                        "victims. In practice this means:</p><ul><li>a needs assessment, so that support and "
                        "communication fit the person;</li><li>faster updates: at the time of writing, victims with "
                        "enhanced rights should be told about key decisions, such as an arrest, release on bail or "
                        "no further action, within one working day, rather than five;</li><li>referral to "
                        "specialist support where it exists;</li><li>information about special measures if they may "
                        "give evidence in court.</li></ul><p>The Victims' Code is updated from time to time, and "
                        "the Victims and Prisoners Act 2024 provides for a new version. Check your force's guidance "
                        "for the current version and timescales.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Enhanced rights apply from the first contact",
                        "body": (
                            "<p>Flagging the crime as hate crime is what tells your systems, and your colleagues, "
                            "that this victim is entitled to enhanced rights. A missing flag can mean missed "
                            "updates and a missed referral.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Advocates and referral",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>In many areas, Police and Crime Commissioners fund hate crime support services. Some "
                        "provide dedicated Hate Crime Victims' Advocates, who give practical and emotional support, "
                        "help victims understand the criminal justice process, speak up for them with agencies such "
                        "as housing providers, and support them through court.</p><p>When you "
                        "refer:</p><ul><li>explain what the service offers and that it is independent of the "
                        "police;</li><li>ask for the victim's consent to pass on their details, and record their "
                        "answer;</li><li>refer promptly, following your force's process;</li><li>if the victim "
                        "declines, tell them how to contact support directly later.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Third-party reporting",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Some victims will not contact the police directly. Third-party reporting lets them "
                        "report to an organisation they trust, sometimes anonymously. That organisation can support "
                        "the victim and, with consent, pass the report to the police. Treat a report that comes to "
                        "you this way as you would any other: record it, assess risk and follow it up.</p>"
                    ),
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "National third-party reporting routes",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Organisation",
                                "Who it is for",
                                "What it offers",
                            ],
                            [
                                "CST (Community Security Trust)",
                                "Jewish people and communities; antisemitism",
                                (
                                    "Records antisemitic incidents, supports victims, and works with police on "
                                    "security for Jewish communities."
                                ),
                            ],
                            [
                                "Tell MAMA",
                                "Muslim people and communities; anti-Muslim hatred",
                                "Records anti-Muslim incidents and supports victims.",
                            ],
                            [
                                "Galop",
                                "LGBT+ people",
                                "LGBT+ anti-abuse charity that supports victims of hate crime and other abuse.",
                            ],
                            [
                                "Stop Hate UK",
                                "Anyone affected by hate crime, all strands",
                                "Confidential reporting and support for victims and witnesses.",
                            ],
                            [
                                "True Vision",
                                "Anyone in England and Wales",
                                (
                                    "The police's national online reporting site for hate crime and hate incidents; "
                                    "reports go to the local force."
                                ),
                            ],
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Many areas also have local third-party reporting centres in places such as libraries, "
                        "community centres and advice services. Know the ones in your area. Victims can report "
                        "online through True Vision at <a "
                        'href="https://www.report-it.org.uk">report-it.org.uk</a>.</p>'
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Keeping victims updated",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Lack of updates is one of the most common complaints from hate crime victims. At the "
                        "first contact:</p><ul><li>agree how and when the victim wants to be contacted, and whether "
                        "it is safe to call, text, write or visit;</li><li>give them your name, the crime reference "
                        "and how to reach the officer in the case;</li><li>tell them what will happen next and "
                        "roughly when.</li></ul><p>Then keep to it. Tell them about arrests, bail, charge and "
                        "decisions to take no further action within the Code's timescales, and explain the reasons "
                        "for decisions in plain language. If the case moves to another officer, make sure the "
                        "victim knows who has it. Never promise an outcome you cannot control.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "If the victim does not want a prosecution",
                        "body": (
                            "<p>Some victims want the abuse to stop but fear that a prosecution will make things "
                            "worse. Listen, explain their options and what support is available, and record their "
                            "wishes. You should still record the crime, assess risk and safeguard. In some cases a "
                            "prosecution can go ahead using other evidence, such as body-worn video, camera footage "
                            "and independent witnesses. Discuss this with your supervisor and, where appropriate, "
                            "the CPS, and keep the victim informed.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Satisfaction and trust",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Victims who feel believed, treated with respect and kept informed are more satisfied "
                        "with the police, whatever the outcome. Many forces survey hate crime victims to find out "
                        "how they were treated. London's Police and Crime Plan (2017) committed to publishing hate "
                        "crime victims' satisfaction rates, so that communities could see how the police were "
                        "doing.</p><p>You influence satisfaction most at the first contact: take the report "
                        "seriously, show that you understand why it matters, do what you say you will do, and tell "
                        "the victim what happened.</p>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Supporting the victim",
                        "do": [
                            "Tell the victim they have enhanced rights under the Victims' Code.",
                            "Agree a safe, accessible way to keep them updated, and keep to it.",
                            "Offer referral to victim support or a hate crime advocate, with consent.",
                            "Tell them about third-party reporting routes for future incidents.",
                        ],
                        "dont": [
                            "Don't suggest the victim change how they dress, where they go or who they are.",
                            "Don't leave the victim without a crime reference and a named contact.",
                            "Don't pass on details to a support service without consent.",
                            "Don't close a case without telling the victim why.",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A gay couple report homophobic abuse from a neighbour. They ask that police do not "
                            "visit in uniform or leave letters, because they fear the neighbour will retaliate. "
                            "What should you do?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Agree another safe way to keep in touch, record their preferences, and include "
                                    "the risk of retaliation in the risk assessment."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Explain that updates must be given in person by a uniformed officer.",
                                "correct": False,
                            },
                            {
                                "text": "Close the report, as they do not want police contact.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Victims have the right to updates in a way that works for them. Agreeing a safe "
                            "contact method keeps them informed without increasing the risk. Their fear of "
                            "retaliation is also important information for the risk assessment.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A Muslim woman says she would rather report future abuse through Tell MAMA than call "
                            "the police. How should you respond?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Support her choice, explain that Tell MAMA can share reports with the police "
                                    "with her consent, and make sure she also has your contact details."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Tell her that only reports made directly to the police count.",
                                "correct": False,
                            },
                            {
                                "text": "Warn her that third-party reports are never investigated.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Third-party reporting exists for victims who are more comfortable reporting to an "
                            "organisation they trust. Reports can reach the police with consent and help build the "
                            "picture of what is happening. Make sure she knows she can contact you directly "
                            "too.</p>"
                        ),
                    },
                },
            ],
        },
    ],
}
