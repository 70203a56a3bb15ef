# Demo question bank for the three demo courses. Every answer is checked against the course content in
# demo/content/judaism.py, hate_crime.py and online_hate.py.

QUESTIONS = [
    {
        "title": "Community: a rabbi offers to pass on messages",
        "category": "Judaism",
        "tags": ["community", "victims"],
        "prompt": (
            "A rabbi offers to pass messages between you and a Charedi victim of assault, so that the victim need not "
            "speak to the police. What should you do?"
        ),
        "explanation": (
            "<p>Be courteous to community figures, but always speak to the victim yourself, in private. This matters "
            "most where there may be safeguarding concerns. Do not rely on a community leader to pass messages to or "
            "from a victim.</p>"
        ),
        "marks": 1,
        "type": "single_choice",
        "choices": [
            {
                "text": "Accept, because the rabbi knows the victim and the community",
                "correct": False,
                "feedback": "Knowing the community does not replace hearing from the victim directly and in private.",
            },
            {
                "text": "Thank the rabbi, but speak to the victim yourself, in private",
                "correct": True,
                "feedback": "Right: be courteous, but the victim needs to be able to speak to you freely.",
            },
            {
                "text": "Accept, as long as the rabbi puts each message in writing",
                "correct": False,
                "feedback": (
                    "Written messages are still passed through a third party, and the victim may not feel free to "
                    "speak."
                ),
            },
        ],
    },
    {
        "title": "Community: words you will hear",
        "category": "Judaism",
        "tags": ["community", "terms"],
        "prompt": "Match each word to its meaning.",
        "explanation": (
            "<p><b>Charedi</b> means strictly Orthodox. A <b>Beth Din</b> is a rabbinical court, with no role in "
            "criminal cases. <b>Shul</b> is the Yiddish word for a synagogue. <b>Shomrim</b> are volunteer "
            "neighbourhood patrols and <b>Hatzola</b> is a volunteer ambulance service: both can be valuable "
            "partners, but neither is the police.</p>"
        ),
        "marks": 2,
        "type": "matching",
        "pairs": [
            {"prompt": "Charedi", "answer": "Strictly Orthodox"},
            {"prompt": "Beth Din", "answer": "A rabbinical court"},
            {"prompt": "Shul", "answer": "A synagogue"},
            {"prompt": "Shomrim", "answer": "Volunteer neighbourhood patrols"},
            {"prompt": "Hatzola", "answer": "Volunteer ambulance service"},
        ],
        "distractors": ["Leader of a Chasidic group"],
    },
    {
        "title": "Community: Ashkenazi and Sephardi",
        "category": "Judaism",
        "tags": ["community", "terms"],
        "prompt": "The words Ashkenazi and Sephardi describe how religious a Jewish person is.",
        "explanation": (
            "<p>Ashkenazi families came from central and eastern Europe, and are the majority in the UK. Sephardi "
            "families came from Spain and Portugal, and later from North Africa and the Middle East. The words "
            "describe heritage and custom, not level of practice. Ask people what they need rather than judging from "
            "labels, dress or where they live.</p>"
        ),
        "marks": 1,
        "type": "true_false",
        "correct": False,
        "feedback_true": "Not so: the words describe family heritage and custom, not how religious someone is.",
        "feedback_false": "Right: the words describe family heritage and custom, not how religious someone is.",
    },
    {
        "title": "Shabbat: a witness who cannot sign",
        "category": "Judaism",
        "tags": ["shabbat", "statements", "witnesses"],
        "prompt": "What should you do?",
        "vignette": (
            "<p>It is Saturday morning. You attend a street robbery in an area with a large Jewish community. An "
            "observant man saw it happen and is willing to tell you what he saw. He is walking to synagogue and is "
            "carrying nothing. He explains that he cannot write or sign anything on Shabbat, and cannot travel to the "
            "police station today. The suspect has run off, and you need a description and an account now.</p>"
        ),
        "explanation": (
            "<p>Speaking is not restricted on Shabbat. Take his first account now, in your notebook or on body-worn "
            "video in line with your force's policy. Explain that you will come back for a signed statement after "
            "Shabbat, and do not press him to sign. Saving life overrides Shabbat, but routine police work, such as a "
            "signature, does not.</p>"
        ),
        "marks": 1,
        "type": "scenario",
        "choices": [
            {
                "text": "Ask him to sign your notebook, because a crime report is urgent enough to override Shabbat",
                "correct": False,
                "feedback": "Saving life overrides Shabbat, but routine police work such as a signature does not.",
            },
            {
                "text": "Leave him for now and take his whole account after Shabbat ends",
                "correct": False,
                "feedback": "Speaking is not restricted, so you can take his first account now while it is fresh.",
            },
            {
                "text": "Offer him a lift to the station after the service to give a statement",
                "correct": False,
                "feedback": "An observant person will not travel by car on Shabbat except in an emergency.",
            },
            {
                "text": (
                    "Take his account verbally, in your notebook or on body-worn video, and arrange a signed "
                    "statement after Shabbat"
                ),
                "correct": True,
                "feedback": "Right: you get the evidence now and respect his observance.",
            },
        ],
    },
    {
        "title": "Shabbat: the boundary for carrying",
        "category": "Judaism",
        "tags": ["shabbat", "terms"],
        "prompt": (
            "What is the name of the boundary, often marked by poles and wires, inside which observant Jewish people "
            "may carry things on Shabbat?"
        ),
        "explanation": (
            "<p>An <b>eruv</b> is a boundary around a local area. Outside one, people who keep Shabbat fully will not "
            "carry anything in public, even keys or an ID card. So an observant person stopped on Shabbat may have no "
            "ID: take their details verbally and check them in the usual way.</p>"
        ),
        "marks": 1,
        "type": "short_text",
        "accepted": ["eruv", "eiruv"],
    },
    {
        "title": "Shabbat: custody and the detention clock",
        "category": "Judaism",
        "tags": ["shabbat", "custody"],
        "prompt": "The PACE detention clock stops while an observant detainee is keeping Shabbat.",
        "explanation": (
            "<p>The PACE detention clock does not stop for Shabbat. Plan interviews and reviews so that an observant "
            "detainee is not kept waiting unnecessarily. A detainee may decline to sign the custody record or to use "
            "the phone on Shabbat: record why.</p>"
        ),
        "marks": 1,
        "type": "true_false",
        "correct": False,
        "feedback_true": "Not so: the detention clock keeps running, so plan interviews and reviews around Shabbat.",
        "feedback_false": "Right: the detention clock keeps running, so plan interviews and reviews around Shabbat.",
    },
    {
        "title": "Custody: heating a kosher meal",
        "category": "Judaism",
        "tags": ["custody", "food"],
        "prompt": (
            "A detainee who keeps kosher accepts a sealed, certified kosher meal that needs heating. How should it be "
            "heated?"
        ),
        "explanation": (
            "<p>Heat the meal only in its sealed packaging and only as the instructions on the pack say. Do not open "
            "it or put it on a plate. Once the seal is broken, the meal may no longer be kosher, and you should offer "
            "another. Give it with wrapped disposable cutlery, and record what you offered.</p>"
        ),
        "marks": 1,
        "type": "single_choice",
        "choices": [
            {
                "text": "Only in its sealed packaging, as the instructions on the pack say",
                "correct": True,
                "feedback": "Right: the seal stays intact until the detainee opens it.",
            },
            {
                "text": "Take it out of its packaging and heat it on a clean plate",
                "correct": False,
                "feedback": (
                    "Once the seal is broken, or the food touches an ordinary plate, it may no longer be kosher."
                ),
            },
            {
                "text": "Open it to check the contents, then close it again before heating",
                "correct": False,
                "feedback": "Check only the outer packaging and seal; opening the meal can make it unacceptable.",
            },
        ],
    },
    {
        "title": "Searches: removing a kippah",
        "category": "Judaism",
        "tags": ["searches", "dress"],
        "prompt": "During a search you need a man to remove his kippah. Which steps are right? Select all that apply.",
        "explanation": (
            "<p>Treat a kippah like any religious head covering:</p><ul><li>ask first and explain why it needs to "
            "come off</li><li>move out of public view first, for example into a police vehicle or a private "
            "room</li><li>let him remove it himself</li></ul><p>Offer something to cover his head if he wants it, and "
            "give the kippah back as soon as you can.</p>"
        ),
        "marks": 2,
        "type": "multiple_response",
        "choices": [
            {
                "text": "Ask first and explain why it needs to come off",
                "correct": True,
                "feedback": "Right: explaining why shows respect and avoids misunderstanding.",
            },
            {
                "text": "Take it off him yourself in the street, to keep the search short",
                "correct": False,
                "feedback": (
                    "Removing a head covering in public can be deeply humiliating; move out of view and let him do it."
                ),
            },
            {
                "text": "Move somewhere out of public view first",
                "correct": True,
                "feedback": "Right: a police vehicle or a private room gives him privacy.",
            },
            {
                "text": "Tell him that religious items get no special treatment in a search",
                "correct": False,
                "feedback": "PACE Code A expects you to take account of religious sensitivities.",
            },
            {
                "text": "Let him remove it himself",
                "correct": True,
                "feedback": "Right: letting the person remove the item is the respectful way.",
            },
        ],
    },
    {
        "title": "Custody: prayer boxes and straps",
        "category": "Judaism",
        "tags": ["custody", "religious-items"],
        "prompt": (
            "What are the two small black leather boxes with leather straps, worn by Jewish men for weekday morning "
            "prayers, called?"
        ),
        "explanation": (
            "<p><b>Tefillin</b> contain handwritten passages of scripture. Never open the boxes. Handle them with "
            "care and keep them off the floor. If a detainee uses them in a cell, supervise it because of the "
            "straps.</p>"
        ),
        "marks": 1,
        "type": "short_text",
        "accepted": ["tefillin", "tefilin", "phylacteries"],
    },
    {
        "title": "Synagogues: suspicious filming at the entrance",
        "category": "Judaism",
        "tags": ["synagogues", "security"],
        "prompt": "What should you do?",
        "vignette": (
            "<p>You are on patrol near a synagogue on a weekday. A security volunteer stops you. He says that an hour "
            "ago a man stood across the road filming the entrance and the cameras for several minutes, then asked a "
            "parent what time the Friday evening service ends. The man walked off when the volunteer went over to "
            "him. Nothing else happened, and no offence seems to have been committed.</p>"
        ),
        "explanation": (
            "<p>Filming an entrance and asking about timings can be hostile reconnaissance. Take the report "
            "seriously, record it in full and pass it on through your force's counter-terrorism reporting route, even "
            "though nothing else happened. Security volunteers have no powers beyond those of any member of the "
            "public.</p>"
        ),
        "marks": 1,
        "type": "scenario",
        "choices": [
            {
                "text": "Make a brief note only, because no offence has been committed",
                "correct": False,
                "feedback": (
                    "Possible hostile reconnaissance needs a full record and onward reporting, even with no offence."
                ),
            },
            {
                "text": "Tell the volunteer to detain the man if he comes back",
                "correct": False,
                "feedback": (
                    "Volunteers have no powers beyond those of any member of the public, and no offence is known."
                ),
            },
            {
                "text": "Record it in full and pass it on through your force's counter-terrorism reporting route",
                "correct": True,
                "feedback": "Right: reports of possible hostile reconnaissance must be recorded and passed on.",
            },
            {
                "text": "Advise the volunteer to report it to CST instead, as security is their job",
                "correct": False,
                "feedback": (
                    "CST works with the police, but you have the report and must pass it on through your force's "
                    "route."
                ),
            },
        ],
    },
    {
        "title": "Synagogues: planning a search",
        "category": "Judaism",
        "tags": ["synagogues", "searches"],
        "prompt": (
            "You need to search a synagogue for evidence after a break-in. No one is in danger. Which steps are "
            "right? Select all that apply."
        ),
        "explanation": (
            "<p>Unless a life is at risk:</p><ul><li>contact the rabbi, a synagogue officer or the security team "
            "first</li><li>ask a member of the community to open the ark and move the Torah scrolls while you "
            "watch</li><li>keep holy books off the floor</li><li>afterwards, tell the rabbi or security lead what you "
            "moved</li></ul><p>Do not touch the Torah scrolls yourself.</p>"
        ),
        "marks": 2,
        "type": "multiple_response",
        "choices": [
            {
                "text": "Start without telling anyone, so that nothing is disturbed",
                "correct": False,
                "feedback": "Contact the rabbi or security team first: they know the building and which rooms matter.",
            },
            {
                "text": "Contact the rabbi or the security team before you start",
                "correct": True,
                "feedback": "Right: they know the building, who is inside and which rooms matter.",
            },
            {
                "text": "Lift the Torah scrolls out yourself, wearing gloves",
                "correct": False,
                "feedback": "Gloves protect evidence but do not make it right for you to handle the scrolls.",
            },
            {
                "text": "Ask a member of the community to open the ark and move the scrolls",
                "correct": True,
                "feedback": "Right: the community handles the scrolls while you watch.",
            },
            {
                "text": "Put prayer books on the floor while you check the shelves",
                "correct": False,
                "feedback": "Keep holy books off the floor; if you must move them, use a clean surface.",
            },
            {
                "text": "Tell the rabbi or security lead afterwards what you moved",
                "correct": True,
                "feedback": "Right: leave rooms as you found them and say what you moved.",
            },
        ],
    },
    {
        "title": "Synagogues: inside the building",
        "category": "Judaism",
        "tags": ["synagogues", "terms"],
        "prompt": "Match each part of a synagogue to its meaning.",
        "explanation": (
            "<p>The <b>ark</b> holds the Torah scrolls, the holiest objects in Jewish life. The <b>bimah</b> is the "
            "raised platform for reading the Torah. The <b>mechitza</b> divides men's and women's seating in an "
            "Orthodox synagogue. The <b>genizah</b> stores worn-out holy books, which are buried rather than thrown "
            "away. The <b>ner tamid</b> is a light that is always kept burning near the ark.</p>"
        ),
        "marks": 2,
        "type": "matching",
        "pairs": [
            {"prompt": "Ark (aron kodesh)", "answer": "Cabinet holding the Torah scrolls"},
            {"prompt": "Bimah", "answer": "Raised platform for reading the Torah"},
            {"prompt": "Mechitza", "answer": "Screen between men's and women's seats"},
            {"prompt": "Genizah", "answer": "Store for worn-out holy books"},
            {"prompt": "Ner tamid", "answer": "Light always kept burning near the ark"},
        ],
        "distractors": ["Case fixed to a doorframe"],
    },
    {
        "title": "Synagogues: powers of security volunteers",
        "category": "Judaism",
        "tags": ["synagogues", "security"],
        "prompt": "Volunteers on a synagogue's security team have no powers beyond those of any member of the public.",
        "explanation": (
            "<p>Security volunteers and Shomrim patrols are valuable partners. They know the building, often hold "
            "camera footage and may check your identity at the door. But they have no special powers: like anyone, "
            "they may only make a citizen's arrest within the law, and the investigation is yours.</p>"
        ),
        "marks": 1,
        "type": "true_false",
        "correct": True,
        "feedback_true": "Right: they are valuable partners, but they have no police powers.",
        "feedback_false": "Not so: they have no powers beyond those of any member of the public.",
    },
    {
        "title": "Bereavement: the week of mourning",
        "category": "Judaism",
        "tags": ["bereavement", "terms"],
        "prompt": "What is the name for the seven days of mourning at home after a Jewish funeral?",
        "explanation": (
            "<p><b>Shiva</b> comes from the Hebrew word for seven. Mourners do not go out to work or to appointments "
            "during shiva. If you need to see the family, arrange a time through a family contact, avoid prayer times "
            "and Shabbat, and go to them.</p>"
        ),
        "marks": 1,
        "type": "short_text",
        "accepted": ["shiva", "shivah"],
    },
    {
        "title": "Bereavement: a sudden death late in the week",
        "category": "Judaism",
        "tags": ["bereavement", "coroner"],
        "prompt": "What should you do?",
        "vignette": (
            "<p>Late on a Thursday evening you attend the sudden death of an elderly Orthodox Jewish woman at her "
            "home. Nothing suggests the death is suspicious, but it will be reported to the coroner. Her son explains "
            "that the family want to bury her as soon as possible, object to an invasive post-mortem, and would like "
            "a member of their community to stay with her body. Your shift ends in an hour.</p>"
        ),
        "explanation": (
            "<p>Tell the coroner's officer straight away that the family is Jewish, wants an early burial and objects "
            "to an invasive post-mortem, and put it in writing. Let a watcher stay where it will not affect the "
            "investigation. Only the coroner can decide on a post-mortem, so never promise an outcome. Burials do not "
            "take place on Shabbat, so a delay late in the week can mean a long wait.</p>"
        ),
        "marks": 1,
        "type": "scenario",
        "choices": [
            {
                "text": (
                    "Promise the family a scan instead of a post-mortem, so that the funeral can take place on Friday"
                ),
                "correct": False,
                "feedback": "Only the coroner decides whether a post-mortem is needed and what kind.",
            },
            {
                "text": (
                    "Tell the coroner's officer their wishes now, put them in writing, and let a watcher stay if the "
                    "investigation allows"
                ),
                "correct": True,
                "feedback": "Right: early, clear information gives the family the best chance of an early burial.",
            },
            {
                "text": "Leave the report for the next shift, as nothing will happen before the weekend",
                "correct": False,
                "feedback": "Every hour matters to this family, and a delay now can push the burial past Shabbat.",
            },
            {
                "text": (
                    "Refuse the request for a watcher, because no one may stay with a body once the coroner is "
                    "involved"
                ),
                "correct": False,
                "feedback": "A watcher can stay where it will not affect the investigation.",
            },
        ],
    },
    {
        "title": "Bereavement: who decides on a post-mortem",
        "category": "Judaism",
        "tags": ["bereavement", "coroner"],
        "prompt": (
            "When a death is reported to the coroner, the coroner decides whether a post-mortem is needed and what "
            "kind."
        ),
        "explanation": (
            "<p>Neither the police nor the family make this decision. Coroners must take religious objections into "
            "account, and may accept a non-invasive examination, such as a scan, but it will not always be enough. "
            "Your job is to pass on the family's wishes early and clearly, and to explain the process without making "
            "promises.</p>"
        ),
        "marks": 1,
        "type": "true_false",
        "correct": True,
        "feedback_true": "Right: the coroner decides, so pass on the family's wishes and make no promises.",
        "feedback_false": "Not so: the coroner decides, not the police or the family.",
    },
    {
        "title": "Antisemitism: responding to online abuse",
        "category": "Judaism",
        "tags": ["antisemitism", "online", "evidence"],
        "prompt": (
            "A Jewish man shows you antisemitic posts aimed at him online. What should you do? Select all that apply."
        ),
        "explanation": (
            "<p>For online hate:</p><ul><li>record the web address, account name, date and time, and take "
            "screenshots</li><li>ask the victim not to reply and not to delete anything</li><li>tell him about CST "
            "and True Vision as well as police reporting</li></ul><p>Do not share the material further, and do not "
            "ask the victim to prove the offender knew he was Jewish. Reporting to CST does not stop him talking to "
            "the police later.</p>"
        ),
        "marks": 2,
        "type": "multiple_response",
        "choices": [
            {
                "text": "Record the web address, account name, date and time, and take screenshots",
                "correct": True,
                "feedback": "Right: capture the evidence before it can be deleted.",
            },
            {
                "text": "Ask him to show that the sender knew he was Jewish",
                "correct": False,
                "feedback": "Recording is based on perception; the victim does not have to prove anything.",
            },
            {
                "text": "Share the posts on your team's social media to trace the sender",
                "correct": False,
                "feedback": "Do not share hateful material further; it adds to the harm.",
            },
            {
                "text": "Ask him not to reply and not to delete anything",
                "correct": True,
                "feedback": "Right: replying can escalate the abuse, and deleting loses evidence.",
            },
            {
                "text": "Tell him that if he reports to CST he cannot report to the police later",
                "correct": False,
                "feedback": (
                    "Reporting to CST, True Vision or the police are all valid, and one does not rule out another."
                ),
            },
            {
                "text": "Tell him about CST and True Vision as well as police reporting",
                "correct": True,
                "feedback": "Right: some victims prefer to report through a trusted third party.",
            },
        ],
    },
    {
        "title": "Antisemitism: which strand to flag",
        "category": "Judaism",
        "tags": ["antisemitism", "recording"],
        "prompt": "You record an antisemitic assault as a hate crime. Which monitored strands can apply?",
        "explanation": (
            "<p>Jewish people are protected as a religious group and as an ethnic group. The hostility may fall under "
            "the religion or belief strand, the race strand, or both, whatever the victim's own level of practice. "
            "Follow your force's recording rules.</p>"
        ),
        "marks": 1,
        "type": "single_choice",
        "choices": [
            {
                "text": "Religion or belief only, because Judaism is a religion",
                "correct": False,
                "feedback": "Jewish people are also protected as an ethnic group, so race can apply too.",
            },
            {
                "text": "Race only, because Jewish people are an ethnic group",
                "correct": False,
                "feedback": "Jewish people are also protected as a religious group, so religion can apply too.",
            },
            {
                "text": "Religion or belief, race, or both, depending on the hostility shown",
                "correct": True,
                "feedback": "Right: Jewish people are protected as both a religious and an ethnic group.",
            },
            {
                "text": "Neither, unless the victim is a member of a synagogue",
                "correct": False,
                "feedback": "Antisemitism targets people for being Jewish, whatever their practice.",
            },
        ],
    },
    {
        "title": "Antisemitism: recognising the forms",
        "category": "Judaism",
        "tags": ["antisemitism", "terms"],
        "prompt": "Match each term to its meaning.",
        "explanation": (
            "<p><b>Conspiracy tropes</b> are old myths about Jewish power, such as secret control of money or the "
            "media. <b>Blood libel</b> is the false claim that Jewish people murder children for ritual purposes. "
            "<b>Collective blame</b> holds Jewish people in the UK responsible for the actions of the Israeli "
            "government. <b>Holocaust denial</b> denies or minimises the Holocaust. Criticising the Israeli "
            "government is not antisemitic in itself.</p>"
        ),
        "marks": 2,
        "type": "matching",
        "pairs": [
            {"prompt": "Conspiracy trope", "answer": "Myth of secret Jewish control of money or media"},
            {"prompt": "Blood libel", "answer": "False claim of ritual child murder"},
            {"prompt": "Collective blame", "answer": "Blaming UK Jewish people for Israel's actions"},
            {"prompt": "Holocaust denial", "answer": "Denying or minimising the Holocaust"},
        ],
        "distractors": ["Lawful criticism of the Israeli government"],
    },
    {
        "title": "Hate crime: the five monitored strands",
        "category": "Hate crime",
        "tags": ["strands", "recording"],
        "prompt": "Which of these are among the five nationally monitored hate crime strands? Select all that apply.",
        "explanation": (
            "<p>The five strands monitored nationally are race or ethnicity, religion or belief, sexual orientation, "
            "disability and transgender identity. Some forces also record other characteristics locally, such as sex "
            "or gender or alternative subcultures, but national figures count only the five.</p>"
        ),
        "marks": 2,
        "type": "multiple_response",
        "choices": [
            {"text": "Age", "correct": False, "feedback": "Age is not one of the five nationally monitored strands."},
            {"text": "Disability", "correct": True, "feedback": "Right: disability is one of the five strands."},
            {
                "text": "Transgender identity",
                "correct": True,
                "feedback": "Right: transgender identity is one of the five strands.",
            },
            {
                "text": "Sex or gender",
                "correct": False,
                "feedback": "Some forces record it locally, but it is not one of the five national strands.",
            },
            {
                "text": "Alternative subcultures",
                "correct": False,
                "feedback": "Some forces record it locally, but it is not one of the five national strands.",
            },
            {
                "text": "Sexual orientation",
                "correct": True,
                "feedback": "Right: sexual orientation is one of the five strands.",
            },
        ],
    },
    {
        "title": "Hate crime: recording on perception",
        "category": "Hate crime",
        "tags": ["recording", "perception"],
        "prompt": (
            "A victim of criminal damage believes it was racist. You are not yet sure. What should you do when you "
            "record it?"
        ),
        "explanation": (
            "<p>Perception is the test for <b>recording</b> a hate crime, not for proving one. Record the crime, "
            "apply the hate crime flag for every strand that applies, and note who perceived hostility and why. Do "
            "not challenge the perception or ask for proof first. The investigation then tests the evidence.</p>"
        ),
        "marks": 1,
        "type": "single_choice",
        "choices": [
            {
                "text": "Leave the hate crime flag off until the investigation finds evidence of hostility",
                "correct": False,
                "feedback": (
                    "A missing flag can mean missed support and updates; flag it now and let the investigation test "
                    "it."
                ),
            },
            {
                "text": "Record a non-crime hate incident until hostility is proved",
                "correct": False,
                "feedback": "An offence has been committed, so it is a crime, not a non-crime hate incident.",
            },
            {
                "text": "Ask the victim for evidence of the offender's motive before you flag it",
                "correct": False,
                "feedback": "You must not ask the victim to prove hostility before you record it.",
            },
            {
                "text": "Record the crime with the hate crime flag now, noting who perceived hostility and why",
                "correct": True,
                "feedback": "Right: perception is the test for recording, and the evidence is tested later.",
            },
        ],
    },
    {
        "title": "Hate crime: a theft from a disabled woman",
        "category": "Hate crime",
        "tags": ["disability", "recording", "perception"],
        "prompt": "What should you do?",
        "vignette": (
            "<p>A woman with a learning disability tells you that a group of young people she calls her friends have "
            "been taking money from her purse when they visit her flat. They laugh at how she speaks and call her "
            "names. Her support worker, who is with her, believes they target her because of her disability. The "
            "woman says she does not want to get her friends into trouble and does not think it is about her "
            "disability.</p>"
        ),
        "explanation": (
            "<p>Perception by anyone, including a carer or support worker, is enough to record a hate crime. Disabled "
            "people are often befriended and then exploited. Another motive, such as theft, does not remove the flag. "
            "Record the thefts flagged for disability, ask about earlier incidents, and note her wishes: you still "
            "record and safeguard.</p>"
        ),
        "marks": 1,
        "type": "scenario",
        "choices": [
            {
                "text": (
                    "Record the thefts as crimes flagged for disability, note the support worker's view, and ask "
                    "about earlier incidents"
                ),
                "correct": True,
                "feedback": "Right: a support worker's perception is enough to flag it, and repeat incidents matter.",
            },
            {
                "text": "Record theft only, because the victim does not see it as hate crime",
                "correct": False,
                "feedback": "Perception by anyone else, such as a support worker, is enough for the hate crime flag.",
            },
            {
                "text": "Record it as anti-social behaviour, because the group are her friends",
                "correct": False,
                "feedback": (
                    "Befriending and then exploiting disabled people is a known pattern, and these are thefts."
                ),
            },
            {
                "text": "Record a non-crime hate incident until the motive is proved",
                "correct": False,
                "feedback": "Crimes have been committed, so they are recorded as crimes, not as non-crime incidents.",
            },
        ],
    },
    {
        "title": "Hate crime: personal data in a non-crime hate incident",
        "category": "Hate crime",
        "tags": ["nchi", "recording"],
        "prompt": (
            "Under the Non-Crime Hate Incidents Code of Practice, as this course describes it, a reported person's "
            "personal data can be recorded whenever the person reporting the incident perceives hostility."
        ),
        "explanation": (
            "<p>The statutory Code of Practice (June 2023) allows the reported person's personal data to be included "
            "only where there is a <b>real risk of significant harm</b> to people with a monitored characteristic, or "
            "a <b>real risk of a future criminal offence</b> against them. Lawful debate and personally held views "
            "are not, on their own, grounds to record. These rules are under review: follow your force's current "
            "policy.</p>"
        ),
        "marks": 1,
        "type": "true_false",
        "correct": False,
        "feedback_true": (
            "Not so: perception alone is not enough; the Code requires a real risk of significant harm or of a future "
            "offence."
        ),
        "feedback_false": (
            "Right: the Code requires a real risk of significant harm or of a future offence before personal data is "
            "recorded."
        ),
    },
    {
        "title": "Hate crime: which law does what",
        "category": "Hate crime",
        "tags": ["law"],
        "prompt": "Match each law to what it does.",
        "explanation": (
            "<p>The <b>Crime and Disorder Act 1998, ss. 28-32</b> creates racially or religiously aggravated "
            "offences. The <b>Sentencing Act 2020, s. 66</b> requires courts to treat hostility based on any of the "
            "five strands as aggravating, for any offence. The <b>Public Order Act 1986, Parts 3 and 3A</b> cover "
            "stirring up hatred of a group, and need the Attorney General's consent to prosecute.</p>"
        ),
        "marks": 2,
        "type": "matching",
        "pairs": [
            {
                "prompt": "Crime and Disorder Act 1998, ss. 28-32",
                "answer": "Racially or religiously aggravated offences",
            },
            {"prompt": "Sentencing Act 2020, s. 66", "answer": "Sentence uplift for hostility"},
            {"prompt": "Public Order Act 1986, Parts 3 and 3A", "answer": "Stirring up hatred of a group"},
        ],
        "distractors": ["Sending threatening communications", "Rules for non-crime hate incidents"],
    },
    {
        "title": "Hate crime: reporting anti-Muslim hatred",
        "category": "Hate crime",
        "tags": ["support", "third-party-reporting"],
        "prompt": "Name the national third-party reporting organisation for anti-Muslim hatred.",
        "explanation": (
            "<p><b>Tell MAMA</b> records anti-Muslim incidents and supports victims. With the victim's consent, "
            "third-party reporting organisations can pass reports to the police. Others include CST for antisemitism, "
            "Galop for LGBT+ people and Stop Hate UK for all strands.</p>"
        ),
        "marks": 1,
        "type": "short_text",
        "accepted": ["Tell MAMA", "TellMAMA"],
    },
    {
        "title": "Online hate: publishing private details",
        "category": "Online hate crime",
        "tags": ["forms", "risk"],
        "prompt": (
            "What is the term for publishing someone's private details, such as their home address, so that others "
            "can find or target them?"
        ),
        "explanation": (
            "<p><b>Doxxing</b> can turn online abuse into people turning up at a victim's home or workplace. When "
            "someone reports online hate, always ask whether any of their personal details have been posted, and if "
            "so, consider immediate safety measures.</p>"
        ),
        "marks": 1,
        "type": "short_text",
        "accepted": ["doxxing", "doxing"],
    },
    {
        "title": "Online hate: hostility in communications offences",
        "category": "Online hate crime",
        "tags": ["law", "sentence-uplift"],
        "prompt": (
            "Communications offences, such as section 127 of the Communications Act 2003, have no aggravated form, so "
            "hostility is dealt with through the sentence uplift."
        ),
        "explanation": (
            "<p>The aggravated offences in the Crime and Disorder Act 1998 cover only assaults, criminal damage, "
            "certain public order offences, and harassment and stalking. For communications offences, hostility based "
            "on any of the five strands is dealt with through the sentence uplift (Sentencing Act 2020, s. 66). "
            "Capture the evidence of hostility and flag the crime, or the court cannot apply it. This was the law at "
            "the time of writing (2026): check whether it has changed before advising on charges.</p>"
        ),
        "marks": 1,
        "type": "true_false",
        "correct": True,
        "feedback_true": "Right: hostility is reflected in the sentence uplift, so the evidence must be in the file.",
        "feedback_false": "Not so: the communications offences have no aggravated form; the uplift applies instead.",
    },
    {
        "title": "Online hate: details to capture",
        "category": "Online hate crime",
        "tags": ["evidence"],
        "prompt": "Which details should you capture for each abusive post? Select all that apply.",
        "explanation": (
            "<p>For each item, capture the content in full, the <b>URL</b>, the <b>profile link and account ID</b>, "
            "and the <b>date and time</b> it was posted, along with the surrounding thread. Display names can be "
            "changed; an account ID usually stays the same. Never crop or edit the original screenshot.</p>"
        ),
        "marks": 2,
        "type": "multiple_response",
        "choices": [
            {
                "text": "The display name only, as that identifies the account",
                "correct": False,
                "feedback": "Display names and handles can be changed; the account ID usually stays the same.",
            },
            {
                "text": "The web address (URL) of the post",
                "correct": True,
                "feedback": "Right: it lets investigators and the platform find the exact item.",
            },
            {
                "text": "A screenshot cropped to show only the worst words",
                "correct": False,
                "feedback": "Keep the original uncropped, with the surrounding thread, to show meaning and context.",
            },
            {
                "text": "The profile link and account ID",
                "correct": True,
                "feedback": "Right: they identify the account even if its name changes.",
            },
            {
                "text": "The date and time it was posted",
                "correct": True,
                "feedback": "Right: this fixes the timeline and any time limits.",
            },
        ],
    },
    {
        "title": "Online hate: threatening messages on a victim's phone",
        "category": "Online hate crime",
        "tags": ["evidence", "victims", "risk"],
        "prompt": "What should you do?",
        "vignette": (
            "<p>At the front counter, a trans woman shows you abusive messages on her phone from an account she does "
            "not recognise. They mock her for being trans, and one says the sender will find her and hurt her. She "
            "wants to block the account and report it to the platform straight away. Her friend suggests replying in "
            "a friendly way to get the sender to reveal who they are.</p>"
        ),
        "explanation": (
            "<p>Assess the risk to her now, because there is a threat. Capture the evidence before anything is "
            "reported or blocked: once content is removed, getting it back can take a formal request and a long time. "
            "Victims should never engage with the sender to gather evidence. Once the evidence is captured, support "
            "her to report and block.</p>"
        ),
        "marks": 1,
        "type": "scenario",
        "choices": [
            {
                "text": "Let her block and report the account first, so the messages stop quickly",
                "correct": False,
                "feedback": "Capture first: once the content is blocked or removed, she may lose access to it.",
            },
            {
                "text": "Agree that her friend can reply, as long as every reply is screenshotted",
                "correct": False,
                "feedback": "Engaging the sender can increase the risk to her and harm the case.",
            },
            {
                "text": (
                    "Assess her safety, capture the messages with the account details, date and time, and advise "
                    "against replying"
                ),
                "correct": True,
                "feedback": "Right: safety and evidence come first, then she can report and block.",
            },
            {
                "text": "Follow the account on your own phone so you can watch for new messages",
                "correct": False,
                "feedback": "Never use a personal device or account, and repeated monitoring can need authorisation.",
            },
        ],
    },
    {
        "title": "Online hate: a report through True Vision",
        "category": "Online hate crime",
        "tags": ["reporting", "true-vision"],
        "prompt": "A victim's report of online hate reaches your force through True Vision. How should you treat it?",
        "explanation": (
            "<p>True Vision (report-it.org.uk) is the police's national online reporting site. A True Vision report "
            "is a report to the police: record it, assess risk, contact the victim and capture the evidence, as you "
            "would for a call.</p>"
        ),
        "marks": 1,
        "type": "single_choice",
        "choices": [
            {
                "text": "As a report to the police: record it, assess risk, contact the victim and capture evidence",
                "correct": True,
                "feedback": "Right: it is a report to the police like any other.",
            },
            {
                "text": "As information only, as the victim has not contacted the police directly",
                "correct": False,
                "feedback": "True Vision is the police's own reporting site, so the report is a police report.",
            },
            {
                "text": "As a complaint for the platform to deal with under the Online Safety Act",
                "correct": False,
                "feedback": "Platform reporting is separate and does not replace a police report.",
            },
            {
                "text": "As a report that must be made again by phone before you can act",
                "correct": False,
                "feedback": "No new report is needed; act on the one you have.",
            },
        ],
    },
]

QUIZZES = {
    "guide-to-judaism": {
        "title": "Assessment",
        "slug": "assessment",
        "preset": "mandatory_assessment",
        "intro": (
            "Ten questions drawn at random from all six modules, testing what you need to know and do when policing "
            "Jewish communities."
        ),
        "draw": [{"category": "Judaism", "count": 10}],
    },
    "hate-crime-recognise-record-support": {
        "title": "Knowledge check",
        "slug": "knowledge-check",
        "preset": "knowledge_check",
        "intro": "Six questions on recognising, recording and the law, and on supporting victims of hate crime.",
        "fixed": [
            "Hate crime: the five monitored strands",
            "Hate crime: recording on perception",
            "Hate crime: a theft from a disabled woman",
            "Hate crime: personal data in a non-crime hate incident",
            "Hate crime: which law does what",
            "Hate crime: reporting anti-Muslim hatred",
        ],
    },
    "online-hate-crime": {
        "title": "Knowledge check",
        "slug": "knowledge-check",
        "preset": "knowledge_check",
        "intro": "Five questions on online hate, the law online, capturing digital evidence and reporting routes.",
        "fixed": [
            "Online hate: publishing private details",
            "Online hate: hostility in communications offences",
            "Online hate: details to capture",
            "Online hate: threatening messages on a victim's phone",
            "Online hate: a report through True Vision",
        ],
    },
}
