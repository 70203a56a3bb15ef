import datetime

COURSE = {
    "title": "Online hate crime",
    "slug": "online-hate-crime",
    "summary": (
        "How online hate harms victims, which laws apply, how to capture digital evidence that will stand up, and "
        "where victims can report and get support."
    ),
    "learning_outcomes": [
        "Recognise the forms online hate takes and the harm it causes online and offline.",
        "Identify the offences that may apply to online hate, and how hate crime aggravation and uplift apply.",
        "Capture and preserve digital evidence so that it survives deletion and supports a prosecution.",
        "Direct victims to the right reporting routes and safeguard and support them.",
    ],
    "intended_audience": (
        "Officers, PCSOs and staff who take reports of, or investigate, hate that is posted, sent or shared online, "
        "and who have completed or are taking the main hate crime course."
    ),
    "topic": "online_harm",
    "developed_with": "",
    "validity_months": 12,
    "review_by": datetime.date(2027, 6, 30),
    "modules": [
        {
            "title": "What online hate looks like and the harm it does",
            "slug": "what-online-hate-looks-like",
            "summary": (
                "Where online hate happens, the forms it takes, the harm it causes, and how it links to offline risk."
            ),
            "estimated_minutes": 7,
            "review_by": datetime.date(2027, 6, 30),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Online hate is hate crime or a hate incident committed using the internet or a phone "
                        "network. The same definition applies as offline: any offence that the victim, or anyone "
                        "else, perceives to be motivated by hostility or prejudice based on race, religion, sexual "
                        "orientation, disability or transgender identity.</p><p>Some officers treat online abuse as "
                        'less serious than abuse in the street, or tell victims to "just log off". That is a '
                        "mistake. Online hate reaches people in their homes at any hour, can come from hundreds of "
                        "accounts at once, stays visible long after it is posted, and can lead to harm offline.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Online hate is real hate",
                        "body": (
                            "<p>Take a report of online hate as seriously as one of abuse in the street. Record it, "
                            "flag it, assess the risk to the victim online and offline, and capture the evidence "
                            "before it disappears.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Where it happens",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Public posts and replies</b> on social media, in comment sections under news "
                        "articles and videos, and on forums.</li><li><b>Private messages</b> and group chats on "
                        "messaging apps, including messages set to disappear.</li><li><b>Live streams and "
                        "gaming</b>, including voice chat during online games.</li><li><b>Email, texts and "
                        "calls</b> to a victim's phone or work address.</li><li><b>Dating apps and review "
                        "sites</b>, where profiles or businesses can be targeted.</li><li><b>Images and video</b>, "
                        "including edited or fake images, memes, and footage of an offline attack shared to "
                        "humiliate the victim.</li></ul><p>Hostility is sometimes hidden in coded language, "
                        "numbers, emojis or in-jokes that mean nothing to an outsider. If a victim tells you that a "
                        "symbol or phrase is hateful, record what they say it means and why. Your force's hate "
                        "crime lead or a third-party reporting organisation may be able to help you understand "
                        "it.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Common forms",
                        "level": "h2",
                    },
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Forms of online hate",
                        "items": [
                            {
                                "term": "Pile-on",
                                "meaning": (
                                    "Many accounts abusing one person at the same time, often after someone with a "
                                    "large following draws attention to them."
                                ),
                            },
                            {
                                "term": "Doxxing",
                                "meaning": (
                                    "Publishing someone's private details, such as their home address, workplace, "
                                    "phone number or children's school, so that others can find or target them."
                                ),
                            },
                            {
                                "term": "Threats",
                                "meaning": (
                                    "Messages threatening violence, death, sexual violence or damage, sometimes "
                                    "with details that show the sender knows where the victim lives or works."
                                ),
                            },
                            {
                                "term": "Harassment campaign",
                                "meaning": (
                                    "Repeated abuse from one person or a group over time, often using new accounts "
                                    "when old ones are blocked or suspended."
                                ),
                            },
                            {
                                "term": "Impersonation",
                                "meaning": (
                                    "Fake accounts that pretend to be the victim, often posting offensive content "
                                    "in their name."
                                ),
                            },
                            {
                                "term": "Incitement",
                                "meaning": (
                                    "Posts that encourage others to hate, harass or attack a person or a group."
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "The harm",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Victims describe fear, anxiety, loss of sleep and a sense that there is nowhere safe, "
                        "because the abuse comes through the phone they carry everywhere. Many withdraw from online "
                        "life, which can cost them friendships, work and a public voice. People in public roles, "
                        "such as councillors, journalists, footballers and community leaders, may step back from "
                        "their roles altogether.</p><p>The harm also spreads. A hateful post aimed at one person is "
                        "read by everyone who shares their identity. A video of an attack, shared widely, can raise "
                        "fear across a whole community.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "The offline link",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Online and offline hate are often connected:</p><ul><li>Doxxing can turn online abuse "
                        "into people turning up at a victim's home or workplace.</li><li>Online abuse can be the "
                        "first sign of targeting that later becomes physical, or it can run alongside abuse from "
                        "neighbours, classmates or colleagues who know the victim.</li><li>An offline attack may be "
                        "filmed and shared, causing a second round of harm.</li><li>False claims and hateful posts "
                        "can spread fast after a major event and contribute to disorder. After the Southport "
                        "murders in July 2024, false claims about the attacker spread online before disorder in "
                        "several towns, and people were later convicted over posts that stirred up racial "
                        "hatred.</li></ul>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "Ask about both worlds",
                        "body": (
                            "<p>When someone reports online hate, ask whether they know or suspect who is behind "
                            "it, whether anything has happened offline, and whether any of their personal details "
                            "have been posted. When someone reports offline hate, ask whether they have also "
                            "received messages or been mentioned online. The answers change your risk "
                            "assessment.</p>"
                        ),
                    },
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Why victims may hesitate to report online hate",
                        "body": (
                            "<p>Victims often think police cannot do anything about anonymous accounts, or that "
                            "they will be told to come off social media. Some have been abused so often that they "
                            "see it as normal. Others worry that reporting will lead to more abuse. Showing that "
                            "you take it seriously, and explaining what you can do, makes a difference even when "
                            "you cannot identify the sender straight away.</p>"
                        ),
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Responding to a report of online hate",
                        "do": [
                            "Treat it as seriously as abuse in the street.",
                            "Ask whether personal details such as an address have been posted.",
                            "Ask about offline incidents and people the victim suspects.",
                            "Record what the victim says coded words or symbols mean.",
                        ],
                        "dont": [
                            "Don't tell the victim to log off or close their accounts as your answer.",
                            "Don't dismiss abuse because the sender is anonymous.",
                            "Don't assume that abuse from many accounts is less serious than abuse from one.",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A woman who wears a headscarf posts a video about her local mosque. It is shared "
                            "widely and she receives hundreds of abusive replies. One reply names her street and "
                            'says "we know where you are". What is your first priority?'
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Assess and manage the risk to her safety at home now, as her location has been "
                                    "exposed alongside a threat."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Advise her to delete the video so the replies stop.",
                                "correct": False,
                            },
                            {
                                "text": "Wait until all the replies have been reviewed before deciding what to do.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>A message that combines hostility with her location points to a risk offline. Deal "
                            "with her immediate safety first, then make sure the evidence is captured and the abuse "
                            "is recorded as hate crime. Asking her to delete the video does not reduce the risk and "
                            "may destroy evidence.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": "Which statement about online hate is correct?",
                        "choices": [
                            {
                                "text": (
                                    "The same hate crime definition and the same five monitored strands apply "
                                    "online as offline."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Online abuse can only be recorded as a hate incident, not a crime.",
                                "correct": False,
                            },
                            {
                                "text": "Online hate cannot be recorded unless the sender is identified.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Online hate can be a crime and is recorded on the same perception-based definition. "
                            "You do not need to know who the sender is to record and investigate it.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "The law online",
            "slug": "online-hate-law",
            "summary": (
                "The communications offences, including those in the Online Safety Act 2023, and how hate crime "
                "aggravation and uplift apply online."
            ),
            "estimated_minutes": 9,
            "review_by": datetime.date(2027, 5, 20),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>There is no single offence of online hate. Depending on what was sent and how, you may "
                        "be looking at a communications offence, harassment or stalking, a threat offence, or "
                        "stirring up hatred. Hostility based on a monitored strand then affects the charge or the "
                        "sentence.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "This law is changing",
                        "body": (
                            "<p>This module describes the law at the time of writing (2026). The Online Safety Act "
                            "2023 has changed the communications offences, and hate crime law is also changing. The "
                            "module has an earlier review date for that reason. Check with your force's hate crime "
                            "lead or legal services before you make or advise on a charging decision.</p>"
                        ),
                    },
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "Main offences for online hate (at the time of writing)",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Law",
                                "What it covers",
                                "Points for officers",
                            ],
                            [
                                "Malicious Communications Act 1988",
                                (
                                    "Sending a letter, electronic communication or article that is indecent or "
                                    "grossly offensive, with the purpose of causing distress or anxiety to the "
                                    "recipient or someone else."
                                ),
                                (
                                    "Needs a message sent to another person and a purpose of causing distress or "
                                    "anxiety. Can be tried in either court."
                                ),
                            ],
                            [
                                "Communications Act 2003, s. 127",
                                (
                                    "Sending a message over a public electronic communications network that is "
                                    "grossly offensive, or indecent, obscene or menacing; or persistently using the "
                                    "network to cause annoyance, inconvenience or needless anxiety."
                                ),
                                (
                                    "Covers public posts as well as messages. Summary only, but with a longer time "
                                    "limit than usual: see below."
                                ),
                            ],
                            [
                                "Online Safety Act 2023: threatening communications",
                                (
                                    "Sending a message that threatens death or serious harm, intending the "
                                    "recipient to fear the threat will be carried out, or being reckless about "
                                    "that."
                                ),
                                "In force since 31 January 2024. Can be tried in either court.",
                            ],
                            [
                                "Online Safety Act 2023: false communications",
                                (
                                    "Sending information the sender knows to be false, intending to cause "
                                    "non-trivial psychological or physical harm to a likely audience, without "
                                    "reasonable excuse."
                                ),
                                (
                                    "In force since 31 January 2024. Summary only. Replaced the false-message parts "
                                    "of the older laws."
                                ),
                            ],
                            [
                                "Other offences",
                                (
                                    "Harassment and stalking (a course of conduct, including online); stirring up "
                                    "hatred (Public Order Act 1986, Parts 3 and 3A), which can be committed by "
                                    "posting material online."
                                ),
                                "Stirring-up offences need the Attorney General's consent and specialist CPS advice.",
                            ],
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Malicious Communications Act 1988",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>This offence is about what the sender meant to do. The message must be indecent or "
                        "grossly offensive, and the sender must have sent it to cause distress or anxiety to the "
                        "person who receives it, or to someone they intend to see it. Direct messages, emails and "
                        "posts tagging the victim can all qualify. Gather evidence of purpose: what else the sender "
                        "said, whether they kept messaging after being blocked, and their relationship with the "
                        "victim.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Communications Act 2003, section 127",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Section 127 is about what is sent over a public network, such as the internet or a "
                        "mobile phone network. It does not need the message to reach a particular person, so it can "
                        "cover public posts. The message must be grossly offensive, indecent, obscene or menacing, "
                        'and the sender must have intended, or been aware, that it was. "Grossly offensive" is a '
                        "high bar: courts judge it in context, by the standards of an open and diverse society. "
                        "Messages that are merely offensive, shocking or rude are not enough.</p><p>The offence is "
                        "summary only, but the usual six-month time limit is extended. At the time of writing, "
                        "proceedings must start within three years of the offence and within six months of the "
                        "prosecutor having enough evidence. Do not let cases drift: record when evidence comes in "
                        "and consult the CPS early.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Online Safety Act 2023",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Online Safety Act 2023 created new communications offences, which came into force "
                        "on 31 January 2024. At the time of writing, the ones you are most likely to meet in hate "
                        "cases are:</p><ul><li><b>Threatening communications</b>: threats of death or serious harm, "
                        "including serious injury, rape, assault by penetration or serious financial loss, where "
                        "the sender intends the recipient to fear the threat will be carried out or is reckless "
                        "about that.</li><li><b>False communications</b>: knowingly false information sent to cause "
                        "non-trivial harm to a likely audience, for example a false claim designed to frighten a "
                        "community.</li><li><b>Sending flashing images</b> to cause harm to people with epilepsy, "
                        "which can be a form of disability hate.</li></ul><p>The Act also places duties on online "
                        "platforms to deal with illegal content, regulated by Ofcom. Module 4 covers what that "
                        "means for reporting.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Hate crime aggravation and uplift online",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The hate crime rules from the main hate crime course apply online "
                        "too:</p><ul><li><b>Aggravated offences</b> (Crime and Disorder Act 1998, ss. 28-32) cover "
                        "race and religion, and only for assaults, criminal damage, certain public order offences, "
                        "and harassment and stalking. Online, the one you will usually meet is racially or "
                        "religiously aggravated harassment or stalking, where there is a course of "
                        "conduct.</li><li>The communications offences above have <b>no aggravated form</b>. "
                        "Hostility is dealt with through the <b>sentence uplift</b> (Sentencing Act 2020, s. 66), "
                        "which covers all five strands and applies to any offence.</li></ul><p>So whichever offence "
                        "applies, capture and record the evidence of hostility and flag the crime. Without that "
                        "evidence in the file, the court cannot apply the uplift.</p><p>At the time of writing, "
                        "Parliament has also considered extending the aggravated offences to further "
                        "characteristics. Check whether that change is in force before advising on charges.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Freedom of expression online",
                        "body": (
                            "<p>Article 10 of the European Convention on Human Rights protects speech that offends, "
                            "shocks or disturbs. The criminal law is aimed at threats, harassment, grossly "
                            "offensive messages and incitement, not at unpopular opinions or heated debate. "
                            "Prosecutors consider whether a prosecution is necessary and proportionate, taking "
                            "account of context, whether the content was quickly removed, the age of the sender, "
                            "and whether they showed remorse. Where a report does not meet a criminal threshold, "
                            "explain that clearly to the person who reported it, and apply the current rules on "
                            "non-crime hate incidents.</p>"
                        ),
                    },
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "If the sender may be abroad",
                        "body": (
                            "<p>Record the crime and capture the evidence anyway. Whether an English and Welsh "
                            "court can deal with a message sent from abroad depends on the offence and the facts. "
                            "Ask your force's specialist team or the CPS. Platforms can sometimes act against "
                            "accounts even where a prosecution is not possible.</p>"
                        ),
                    },
                },
                {
                    "type": "definitions",
                    "value": {
                        "title": "Legal terms",
                        "items": [
                            {
                                "term": "Grossly offensive",
                                "meaning": (
                                    "More than offensive: judged in context by the standards of an open and diverse "
                                    "society. A high threshold."
                                ),
                            },
                            {
                                "term": "Menacing",
                                "meaning": (
                                    "Creating a sense of fear or apprehension in a person of normal stability who "
                                    "is likely to see the message."
                                ),
                            },
                            {
                                "term": "Public electronic communications network",
                                "meaning": (
                                    "A network provided to the public, such as the internet or a mobile phone network."
                                ),
                            },
                            {
                                "term": "Likely audience",
                                "meaning": (
                                    "People who it is reasonably foreseeable would see the message, or a forwarded "
                                    "or shared copy of it."
                                ),
                            },
                            {
                                "term": "Reckless",
                                "meaning": (
                                    "Aware of a risk, here that the recipient would fear a threat would be carried "
                                    "out, and going ahead anyway."
                                ),
                            },
                            {
                                "term": "Course of conduct",
                                "meaning": (
                                    "Conduct on at least two occasions, needed for harassment and stalking offences."
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A footballer posts a photo after a match. One account replies with a single grossly "
                            "offensive racist insult. Which is most likely to apply?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "A communications offence such as section 127, with the race flag, and the "
                                    "sentence uplift if convicted."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Racially aggravated harassment under the Crime and Disorder Act 1998.",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "No offence, because the message was posted publicly rather than sent privately."
                                ),
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>A single public post can fall under section 127. Harassment needs a course of "
                            "conduct, so one reply is unlikely to be enough on its own. The communications offences "
                            "have no aggravated form, so racial hostility is reflected in the sentence uplift.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A man receives a direct message with an anti-Muslim slur saying he will be stabbed "
                            "outside his mosque on Friday. What is the best description?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "A possible threatening communications offence under the Online Safety Act "
                                    "2023, flagged for religion, with the uplift available on sentence."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Only a non-crime hate incident, because it was sent online.",
                                "correct": False,
                            },
                            {
                                "text": "A stirring-up offence, because it mentions a mosque.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>A threat of serious harm, sent to make the recipient fear it will be carried out, "
                            "fits the threatening communications offence. The religious hostility is recorded with "
                            "the flag and dealt with by the uplift. Treat the threat as a risk to life and safety "
                            "too: consider the victim's safety and the mosque's on Friday.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Capturing digital evidence",
            "slug": "capturing-digital-evidence",
            "summary": "How to capture and preserve online evidence so it survives deletion and stands up in court.",
            "estimated_minutes": 8,
            "review_by": datetime.date(2027, 6, 30),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Online evidence disappears fast. Senders delete posts, platforms remove content and "
                        "suspend accounts, messages are set to vanish, and victims block and delete to protect "
                        "themselves. Once it has gone, getting it back can take months or may be impossible. The "
                        "officer who takes the first report is often the only person who can make sure the evidence "
                        "survives.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_point",
                        "title": "Preserve first, report to the platform second",
                        "body": (
                            "<p>Capture the evidence before anyone reports the content to the platform, blocks the "
                            "account or deletes anything. Once a platform removes content, the victim can no longer "
                            "see it, and the police may need a formal request to recover it.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "What to capture",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>For each message, post, image or video, capture:</p><ul><li><b>The content itself</b>, "
                        "in full, including images, video and any text in them.</li><li><b>The web address "
                        "(URL)</b> of the post or message, where there is one.</li><li><b>The date and time</b> it "
                        "was posted or sent, and the date and time you captured it.</li><li><b>The account</b>: the "
                        "username or handle, the display name, and a link to the profile. Capture the profile page "
                        "too.</li><li><b>Any account number or ID</b> shown. Display names and handles can be "
                        "changed; an account ID usually stays the same.</li><li><b>The context</b>: the thread or "
                        "conversation around it, what it was replying to, and, for pile-ons, a record of how many "
                        "accounts were involved.</li><li><b>The platform</b>, and whether the content was public, "
                        "in a group, or private.</li></ul>"
                    ),
                },
                {
                    "type": "table",
                    "value": {
                        "table_caption": "Details to record for each item of online evidence",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "Detail",
                                "Why it matters",
                                "Tip",
                            ],
                            [
                                "URL of the post or message",
                                "Lets investigators and the platform find the exact item",
                                "Use the platform's share or copy link option and paste it into your notes.",
                            ],
                            [
                                "Profile link and account ID",
                                "Identifies the account even if its name changes",
                                "Capture the profile page as well as the post.",
                            ],
                            [
                                "Date and time, with time zone",
                                "Fixes when it was sent, for the timeline and time limits",
                                "Make sure the device clock shows in the screenshot.",
                            ],
                            [
                                "Surrounding thread",
                                "Shows meaning, targeting and intent",
                                "Capture the messages before and after, not just the worst one.",
                            ],
                            [
                                "Who captured it, when, on what device",
                                "Proves continuity",
                                "Record it in your notes or the exhibit log at the time.",
                            ],
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Screenshots done well",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Screenshots are often the quickest way to preserve evidence. Make them "
                        "count:</p><ul><li>show the URL bar where possible, or copy the link separately and record "
                        "it alongside;</li><li>include the device's date and time in the image;</li><li>do not "
                        "crop, edit or annotate the original; if you need a marked-up copy, make it "
                        "separately;</li><li>capture long threads in overlapping screenshots, or use a scrolling "
                        "capture, so nothing is missed;</li><li>for video or audio, record the link and use your "
                        "force's approved method to download or record it;</li><li>keep the original files as they "
                        "are, and store them as your force's digital evidence policy requires.</li></ul><p>For "
                        "serious cases, screenshots are a starting point. Your force's digital investigators may "
                        "need to make a forensic capture, or ask the platform for the underlying data.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Working with the victim",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Victims have often captured evidence already. Ask what they have and how they saved it. "
                        "Explain what to keep capturing if the abuse continues, and how to send it to you securely, "
                        "using your force's upload system where there is one.</p><p><b>Never ask a victim to engage "
                        "with the sender</b> to get more evidence: no replying, no trying to make the sender admit "
                        "it, and no joining groups to watch them. It can put the victim at risk, escalate the abuse "
                        "and damage the case. Do not ask the victim to delete anything either.</p><p>Only take or "
                        "download a victim's phone when it is necessary and proportionate, with their informed "
                        "agreement, and following your force's digital processing policy. Screenshots and a secure "
                        "upload are often enough and avoid leaving the victim without their phone.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "Looking at a suspect's profile",
                        "body": (
                            "<p>Viewing a public profile once, to capture evidence for a report, is usually part of "
                            "your normal enquiries. Repeated or systematic monitoring of a person online can amount "
                            "to surveillance that needs authorisation. Never use your personal device or account, "
                            "and never interact with the suspect online. Follow your force's policy on online "
                            "research and use approved devices.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Preserving data held by platforms",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Platforms hold more than the victim can see, such as account details and connection "
                        "records. Your force's single point of contact (SPOC) for communications data, or its "
                        "digital investigation team, can ask a platform to preserve that data while a formal "
                        "request is made. Some platforms are based abroad and need formal legal routes, which take "
                        "time. That is another reason to capture what you can straight away, and to ask for "
                        "preservation early in serious cases.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Continuity",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A court needs to know that the evidence it sees is what was captured, and that no one "
                        "has altered it. For every item, record:</p><ul><li>who captured it, when, and on which "
                        "device;</li><li>where it was stored and who has had access;</li><li>the exhibit reference, "
                        "and when it was handed to anyone else.</li></ul><p>If the victim captured the evidence, "
                        "take a statement from them that explains how and when, and exhibit it under their name. "
                        "Your force's digital evidence policy sets out the systems and forms to use; follow it "
                        "every time.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "Disappearing messages and private groups",
                        "body": (
                            "<p>Some apps delete messages after a set time, and private groups may be closed to "
                            "outsiders. If the victim still has the content on screen, capture it straight away. "
                            "Ask whether anyone else in the conversation saved it. Record the group name, the "
                            "members the victim can identify and the dates. Do not ask the victim or anyone else to "
                            "stay in a group to gather evidence.</p>"
                        ),
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Digital evidence",
                        "do": [
                            "Capture before anyone reports, blocks or deletes.",
                            "Record the URL, profile link, account ID, date and time.",
                            "Keep original files unedited and record continuity.",
                            "Use your force's approved devices, upload systems and policy.",
                        ],
                        "dont": [
                            "Don't ask the victim to reply to or engage with the sender.",
                            "Don't crop or annotate the original screenshot.",
                            "Don't use your personal phone or social media account.",
                            "Don't take a victim's phone when screenshots and an upload would do.",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A victim shows you a threatening post on her phone. She wants to report it to the "
                            "platform and block the account straight away. What should happen first?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Capture the post, its URL, the profile and the date and time, then she can "
                                    "report and block."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Report it to the platform first, so it is taken down quickly.",
                                "correct": False,
                            },
                            {
                                "text": "Block the account first; the platform will keep a copy anyway.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Once the content is removed or blocked, she may lose access to it, and recovering "
                            "it from the platform can take a formal request and a long time. Capture it fully "
                            "first. Then support her to report and block.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A victim offers to message the person abusing him, pretending to be friendly, to get "
                            "them to admit who they are. What should you say?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Advise him not to: it could increase the risk to him and harm the case. Police "
                                    "will pursue identification."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Agree, as long as he screenshots the replies.",
                                "correct": False,
                            },
                            {
                                "text": "Agree, but only if he uses a new account.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Victims should not engage with offenders to gather evidence. It can escalate the "
                            "abuse, put the victim at risk, and raise questions about how evidence was obtained. "
                            "Identification is a job for the investigation, using lawful routes.</p>"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Reporting routes and support",
            "slug": "online-hate-reporting-and-support",
            "summary": (
                "True Vision, platform reporting, third-party reporting, specialist hubs, safeguarding and victim "
                "support for online hate."
            ),
            "estimated_minutes": 8,
            "review_by": datetime.date(2027, 6, 30),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Victims of online hate have several ways to report, and you should know them all. Some "
                        "will come to you first. Others will report to a platform, a charity or an online police "
                        "form, and the case will reach you later. Whichever route they use, the victim needs their "
                        "safety assessed, the evidence preserved and support offered.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "True Vision",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>True Vision is the police's national online reporting site for hate crime and hate "
                        "incidents, including online hate. Victims, witnesses and people reporting for someone else "
                        "can use it. Reports are passed to the local force to deal with. It also explains what "
                        "online hate is and what victims can do. The address is <a "
                        'href="https://www.report-it.org.uk">report-it.org.uk</a>.</p><p>A True Vision report is '
                        "a report to the police. Treat it as you would a call: record it, assess risk, contact the "
                        "victim and capture the evidence.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Reporting to the platform",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Every major platform has tools to report content and accounts. Under the Online Safety "
                        "Act 2023, platforms have duties to deal with illegal content and to provide easy ways for "
                        "users to report it, and Ofcom regulates how they do this. Ofcom has been bringing these "
                        "duties into force in stages, so check the current position if a victim asks what a "
                        "platform must do.</p><p>Platform reporting can get harmful content removed quickly, which "
                        "matters to victims. But:</p><ul><li>it is not a police report and does not replace "
                        "one;</li><li>removal can make evidence harder to get, so capture first;</li><li>police "
                        "cannot promise that a platform will remove content or suspend an account.</li></ul><p>Once "
                        "the evidence is captured, support the victim to report to the platform and to use "
                        "blocking, muting and privacy tools if they want to.</p>"
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
                        "<p>Third-party reporting organisations accept reports of online hate and support victims. "
                        "With the victim's consent, they can pass reports to the police. They include CST for "
                        "antisemitism, Tell MAMA for anti-Muslim hatred, Galop for LGBT+ people, and Stop Hate UK "
                        "for all strands. These organisations often see patterns across many reports, such as "
                        "coordinated campaigns or new coded terms, and can help you understand what you are looking "
                        "at.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Specialist hubs: the London example",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Some online hate needs specialist skills. London's Police and Crime Plan for 2017 "
                        "created an Online Hate Crime Hub in the Metropolitan Police Service: a small team of "
                        "specialist officers who supported local investigators with online hate cases. The hub "
                        "advised on evidence and investigation, worked with social media companies, and focused on "
                        "outcomes for victims, including specialist support and advocacy. It drew on community "
                        "groups, academics and industry through advisory groups.</p><p>It is an example of one "
                        "approach, not a national service. Find out what specialist help your own force or region "
                        "offers today, such as a digital investigation unit, a cyber or online harms team, or a "
                        "hate crime lead, and how to ask for it.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Safeguarding",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Assess risk as you would for any hate crime, with extra questions for online "
                        "cases:</p><ul><li>Has the victim's address, workplace, school or daily routine been "
                        "published? If so, consider immediate safety measures, a marker on the address, and "
                        "patrols.</li><li>Is the victim a child? Follow your child safeguarding procedures, and "
                        "consider the school's role.</li><li>Is the victim an adult at risk, for example because of "
                        "a disability that makes them easier to exploit online?</li><li>Is the abuse affecting the "
                        "victim's mental health? Online abuse can lead to self-harm. If you are worried, ask "
                        "directly and get help.</li><li>Is there an offline connection, such as a neighbour, "
                        "classmate or former partner?</li></ul><p>Give practical advice on account security, such "
                        "as strong passwords, two-step verification and privacy settings, without suggesting the "
                        "victim is to blame. Many victims want to stay online, for work or to keep in touch. "
                        "Respect that, and help them do it more safely.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "in_practice",
                        "title": "When a report of online hate comes in",
                        "body": (
                            "<ol><li>Assess risk now, especially any threat or published address.</li><li>Capture "
                            "the evidence before anything is reported or blocked.</li><li>Record the crime or "
                            "incident and flag every strand that applies.</li><li>Support the victim to report to "
                            "the platform and use safety tools.</li><li>Offer referral to support, and agree how "
                            "you will keep them updated.</li><li>Ask for specialist help when the case needs "
                            "it.</li></ol>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Victim support",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Victims of online hate crime have the same rights as other hate crime victims, "
                        "including enhanced rights under the Victims' Code: faster updates, a needs assessment and "
                        "referral to support. Offer referral to local victim services or a hate crime advocate "
                        "where there is one, with consent. Tell the victim about third-party reporting for anything "
                        "that happens next, and make sure they know how to reach the officer in the case.</p>"
                    ),
                },
                {
                    "type": "details",
                    "value": {
                        "summary": "When one victim receives thousands of messages",
                        "body": (
                            "<p>In a large pile-on you cannot capture every message straight away. Prioritise "
                            "threats, messages that reveal personal details, accounts that keep coming back, and "
                            "anything that suggests an offline link. Capture a representative sample of the rest "
                            "and record the scale, such as the number of accounts and the time period. Tell your "
                            "supervisor, as a case like this may need one coordinated investigation and specialist "
                            "help rather than many separate reports.</p>"
                        ),
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Reporting and support",
                        "do": [
                            "Treat a True Vision report as a report to the police.",
                            "Capture evidence before the victim reports to the platform.",
                            "Check for published addresses and offline risk.",
                            "Know what specialist help your force or region offers.",
                        ],
                        "dont": [
                            "Don't promise that a platform will remove content.",
                            "Don't tell the victim that platform reporting replaces a police report.",
                            "Don't imply the victim caused the abuse by being online.",
                        ],
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A 15-year-old is being targeted with homophobic messages in a group chat set up by "
                            "classmates. What should you consider alongside the criminal investigation?"
                        ),
                        "choices": [
                            {
                                "text": "Child safeguarding procedures, the risk of self-harm, and the school's role.",
                                "correct": True,
                            },
                            {
                                "text": "Only the criminal investigation: the school should not be involved.",
                                "correct": False,
                            },
                            {
                                "text": "Advising the child to leave the chat and take no further action.",
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>The victim is a child, the abusers are known to them offline, and online abuse can "
                            "affect mental health. Follow child safeguarding procedures, ask about their wellbeing "
                            "directly, and consider how the school can help stop the abuse. Capture the evidence "
                            "before anyone leaves or deletes the chat.</p>"
                        ),
                    },
                },
                {
                    "type": "check_understanding",
                    "value": {
                        "question": (
                            "A victim tells you she has already reported abusive posts to the platform and they "
                            "have been removed. She has no screenshots. What should you do?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Record the crime, get as many details as she remembers, such as the account "
                                    "names and dates, and ask your force's SPOC or digital team about asking the "
                                    "platform to preserve data."
                                ),
                                "correct": True,
                            },
                            {
                                "text": "Tell her nothing can be done now the posts are gone.",
                                "correct": False,
                            },
                            {
                                "text": (
                                    "Ask her to look for the posts again by searching the sender's profile every day."
                                ),
                                "correct": False,
                            },
                        ],
                        "explanation": (
                            "<p>Removed content may still be held by the platform for a time. Record everything she "
                            "remembers and seek preservation quickly through your force's process. Do not ask her "
                            "to monitor the sender. Explain that capturing content first will help if anything else "
                            "is posted.</p>"
                        ),
                    },
                },
            ],
        },
    ],
}
