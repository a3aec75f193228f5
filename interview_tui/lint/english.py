"""Shallow-question rules for English.

Each rule reads the lower-cased text (same length as the original, so spans carry over)
and yields ``(code, (start, end))``. Rules look for the *form* of a shallow question, a
closed question about a universal want, a request for a verdict, a conditional about our
future, rather than for particular words, so they hold on wordings they have never seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from interview_tui.lint.rule import Hit, Rule, Split, gapped, regex_rule, run_rules

_AUX_PRESENT = (
    r"(?:do|does|would|will|are|is|should|could|can|shall|might|may|"
    r"don't|doesn't|wouldn't|won't|aren't|isn't|shouldn't)"
)

# --- obvious-answer -------------------------------------------------------------------
_WANT = (
    r"(?:want|wants|wish|like|prefer|rather|need|needs|appreciate|welcome|love|hope|"
    r"interested\s+in|benefit\s+from|happy\s+with|look(?:ing)?\s+for|helpful|useful|"
    r"valuable|help|be\s+good)"
)
_IMPORTANT = (
    r"(?:important|matter|matters|a\s+priority|priority|care\s+(?:about|for)|value|"
    r"critical|essential|a\s+concern|concerned\s+about|worry\s+about|a\s+must)"
)
_DESIRABLE = (
    r"(?:fewer\s+(?:\w+\s+)?(?:outages|failures|incidents|bugs|errors|problems|issues|tickets|"
    r"breakdowns|crashes|surprises|pages)|"
    r"less\s+(?:\w+\s+)?(?:downtime|latenc(?:y|ies)|hassle|friction|cost|spend|toil|risk|complexity|work)|"
    r"lower\s+(?:\w+\s+)?(?:prices?|costs?|bills?|latenc(?:y|ies)|fees|rates|tco|spend)|"
    r"(?:cheaper|faster|quicker|better|improved|more\s+responsive|higher|stronger)\s+"
    r"(?:\w+\s+)?(?:prices?|pricing|support|response|service|performance|speed|reliability|"
    r"security|quality|documentation|docs|value|ux|console|experience|availability|uptime|"
    r"sla|stability|tools?|products?|features?|dashboards?|onboarding|deals?)|"
    r"more\s+(?:secure|security|reliable|reliability|stable|stability|uptime|"
    r"availability|discounts?|savings|performance|visibility|control|flexibility)|"
    r"(?:easier|simpler|cheaper|faster)\b|easy\s+to\s+use|user[-\s]friendly|"
    r"good\s+and\s+cheap|cheap\s+and\s+good|value\s+for\s+money|"
    r"sav(?:e|ing)\s+(?:money|costs?|time)|cut(?:ting)?\s+costs?|"
    r"(?:reduc|lower|cut|trim|slash|sav|minimi[sz])\w*\s+(?:\w+\s+){0,2}?(?:costs?|spend|"
    r"spending|downtime|outages|latenc(?:y|ies)|bills?|fees|money|failures|incidents)|"
    r"(?:bills?|costs?|prices?|fees|spend|outages|incidents|downtime|latenc(?:y|ies)|failures)\s+"
    r"(?:to\s+)?(?:go\s+down|drop|fall|decrease|shrink|be\s+(?:lower|cut|reduced|smaller))|"
    r"discounts?|(?:good|great|excellent|reliable|stable|secure|fast|quick)\s+"
    r"(?:service|support|performance|products?|prices?))"
)
_QUALITY = (
    r"(?:reliability|security|stability|uptime|performance|availability|cost|costs|price|"
    r"prices|pricing|support|speed|quality|latenc(?:y|ies)|safety|compliance|ease\s+of\s+use|"
    r"reliable|secure|stable|fast|cheap|affordable|available|up\s+and\s+running)"
)
_CLOSED = rf"^\s*(?:(?:and|so|also|then|ok|okay)\s*,?\s+)?{_AUX_PRESENT}\b"
_OBVIOUS_CLOSED = gapped(
    rf"{_CLOSED}[^?.!]*?\b{_WANT}\b[^?.!]*?\b{_DESIRABLE}|"
    rf"{_CLOSED}[^?.!]*?\b{_DESIRABLE}[^?.!]*?\b{_WANT}\b|"
    rf"{_CLOSED}[^?.!]*?\b{_IMPORTANT}\b[^?.!]*?\b{_QUALITY}\b|"
    rf"{_CLOSED}[^?.!]*?\b{_QUALITY}\b[^?.!]*?\b{_IMPORTANT}\b"
)
_OBVIOUS_WHO = gapped(
    rf"\bwho\s+(?:doesn't|does\s+not|wouldn't|would\s+not)\s+(?:{_WANT}|{_IMPORTANT})\b"
)

# --- design-offload --------------------------------------------------------------------
_BUILD = (
    r"(?:build|add|develop|ship|design|prioriti[sz]e|include|make|offer|create|implement|"
    r"launch|release|put|focus|invest|improve|change|fix\s+first|tackle|work\s+on|do\s+next|"
    r"roadmap|price|package)"
)
_DESIGN_OFFLOAD = gapped(
    rf"\b(?:what|which|how|where)\b[^?]*?\b(?:should|shall|could|must|ought\s+to)\s+"
    rf"(?:we|i|our\s+(?:team|product|company|roadmap))\s+(?:\w+\s+)?{_BUILD}\b|"
    rf"\bwhat\s+(?:would|do|did)\s+you\s+(?:like|want|need|suggest|recommend|advise)\s+"
    rf"(?:us|our\s+(?:team|product))\s+to\b|"
    rf"\b(?:what|which)\s+(?:new\s+)?(?:features?|functions?|functionality|capabilit(?:y|ies)|"
    rf"modules?|products?|improvements?|changes|enhancements?|integrations?)\s+"
    rf"(?:do|would|should|could|can)\s+(?:you\s+)?(?:like|want|suggest|recommend|propose|"
    rf"expect|wish|need)\b[^?]*\b(?:us|we|our|next|to\s+see|added|built)\b|"
    rf"\b(?:what|which)\s+(?:new\s+)?(?:features?|modules?|products?|capabilit(?:y|ies)|"
    rf"improvements?)\s+(?:should|shall|must)\s+(?:we|be\s+(?:built|added))\b|"
    rf"\b(?:you|you'd)\s+(?:suggest|recommend|propose|advise)\s+(?:that\s+)?"
    rf"(?:we|us|our)\b|"
    rf"\bif\s+you\s+(?:were|ran|owned|led)\s+(?:us|our|in\s+our\s+shoes|the\s+product|"
    rf"product\s+management|our\s+product)|"
    rf"\bhow\s+would\s+you\s+(?:design|build|price|package|improve|redesign|change|fix)\b|"
    rf"\bwhat\s+should\s+(?:the|our|your\s+ideal)\s+(?:roadmap|next\s+release|product|"
    rf"console|api|feature|version)\b|"
    rf"\b(?:design|draw\s+up|sketch)\s+(?:the|our|a)\s+(?:roadmap|feature|product|console|"
    rf"ui|api)\s+for\s+us\b|"
    rf"\bwhat\s+(?:do|would)\s+you\s+(?:want|like)\s+(?:to\s+see\s+)?(?:on|in)\s+(?:our|the)"
    rf"\s+roadmap\b|"
    rf"\bwhat\s+(?:is|'s)\s+(?:missing|lacking)\s+(?:in|from)\s+our\b|"
    rf"\b(?:what|which|where|how)\b[^?]*\bwe\s+(?:should|ought\s+to|need\s+to|must|could|"
    rf"might)\s+(?:\w+\s+)?{_BUILD}\b|"
    r"\b(?:your|the|an?)\s+ideal\s+(?:version|product|console|tool|solution|feature|platform|"
    r"api|dashboard|roadmap|service)\b|"
    r"\b(?:which|what)\s+(?:new\s+)?(?:features?|capabilit\w+|modules?|products?|"
    r"improvements?|integrations?|functions?)\s+to\s+(?:put|add|build|include|prioriti[sz]e|ship|"
    r"develop|make|offer)\b|"
    r"\b(?:on|in|into|for|to)\s+our\s+(?:roadmap|backlog|next\s+release)\b"
)

# --- competitor-confront ---------------------------------------------------------------
_RIVAL = (
    r"(?:competitors?|rivals?|the\s+competition|(?:the|a|another|other|that|this)\s+"
    r"(?:other\s+)?(?:competitor|rival|vendor|provider|cloud|supplier)s?|"
    r"(?:with|from)\s+them|their\s+(?:offer|product|cloud|platform))"
)
_VENDORS = (
    rf"(?:{_RIVAL}|aws|amazon(?:\s+web\s+services)?|azure|microsoft|gcp|google(?:\s+cloud)?|"
    r"alibaba(?:\s+cloud)?|aliyun|tencent(?:\s+cloud)?|huawei(?:\s+cloud)?|oracle(?:\s+cloud)?|"
    r"ibm(?:\s+cloud)?|akamai|cloudflare|fastly|digitalocean|linode|ovh|hetzner)"
)
_SELECT = (
    r"(?:choose|chose|chosen|choosing|pick|picked|select|selected|go\s+with|went\s+with|"
    r"gone\s+with|sign(?:ed)?\s+with|buy\s+from|bought\s+from|prefer|preferred|award(?:ed)?|"
    r"stick\s+with|stuck\s+with|stay(?:ed)?\s+with|favou?r(?:ed)?|opt(?:ed)?\s+for|"
    r"switch(?:ed)?\s+to|mov(?:e|ed)\s+to|leave|left|trust(?:ed)?|give|gave)"
)
_CHOOSE = (
    rf"(?:{_SELECT}|use|using|used|buy|bought|sign|signed|move|moved|switch|switched|"
    r"migrate|migrated|renew|renewed|go|went|come|came)"
)
_NOT_US = (
    r"(?:not\s+(?:with\s+|to\s+|from\s+|on\s+|at\s+|in\s+|onto\s+)?(?:us|ours|our\s+\w+)|"
    r"over\s+(?:us|ours|our\b)|"
    r"(?:instead\s+of|rather\s+than)\b[^?]*?\b(?:us|ours|our)\b|"
    r"and\s+not\s+(?:us|ours)|but\s+not\s+(?:us|ours)|against\s+us|away\s+from\s+us)"
)
_WHY = (
    r"(?:why|how\s+come|what\s+made\s+you|what\s+led\s+you\s+to|what\s+convinced\s+you\s+to|"
    r"what\s+was\s+the\s+reason\s+(?:you|your\s+\w+))"
)
# (?>…) around a gap and the word after it: the first such word is taken and never given
# back, so "why … chose … them" costs one pass per "why", not one per pair of words
_COMPETITOR = gapped(
    rf"\b{_WHY}\b[^?]*?{_NOT_US}|"
    r"\b(?:leave|left|leaving|dropp?(?:ed)?|ditch(?:ed)?|abandon(?:ed)?|quit)\s+us\b|"
    rf"\b{_WHY}\b(?![^?]*\bdecid)(?>[^?]*?\b{_SELECT}\b)[^?]*?\b{_VENDORS}\b|"
    rf"\b{_WHY}\b(?>[^?]*?\b{_CHOOSE}\b)[^?]*?\b{_RIVAL}\b|"
    rf"\b{_WHY}\b[^?]*?\b{_VENDORS}\b[^?]*?\b(?:was|is|were|are|would\s+be)\s+(?:the\s+|a\s+)?"
    r"(?:better|best|right|safer|smarter|stronger)\s+(?:fit|choice|option|bet|partner|pick)\b|"
    r"\bwhy\b(?>[^?]*?\b(?:don't|didn't|haven't|aren't|won't|wouldn't|do\s+not|did\s+not|"
    rf"not)\b)(?>[^?]*?\b{_CHOOSE}\b)[^?]*?\b(?:us|our)\b|"
    r"\bwhy\s+not\s+(?:us|ours|our\s+\w+)\b|"
    rf"\bwhat\s+(?:do|does|did)\s+{_VENDORS}\s+(?:\w+\s+)?(?:do|offer|have|give\s+you|provide)"
    r"\s+(?:better|that\s+we\s+(?:don't|didn't|can't|do\s+not))|"
    rf"\bwhat\s+(?:made|makes)\s+{_VENDORS}\s+(?:better|more\s+attractive|the\s+winner|win)\b|"
    rf"\b(?:why|how)\s+(?:did|do)\s+we\s+lose\b|\bwhy\s+did\s+{_VENDORS}\s+win\b|"
    rf"\bwhat\s+(?:does|do|did)\s+{_VENDORS}\s+have\s+that\s+we\b"
)

# --- hypothetical ----------------------------------------------------------------------
_PAY = (
    r"(?:buy|pay|purchase|switch|sign|subscribe|upgrade|spend|budget|commit|consider|adopt|"
    r"try|recommend|pilot|be\s+(?:willing|interested|open|keen|ready|likely|happy|prepared)|"
    r"sign\s+up|go\s+for|take\s+(?:it|that|this|advantage))"
)
_ADOPT = (
    rf"(?:{_PAY}|use|move|migrate|test|deploy|replace|choose|renew|stay|"
    r"leave|expand|increase|double|bring)"
)
_WE_SHIP = (
    r"(?:shipped|ship|launched|launch|built|build|offered|offer|added|add|released|release|"
    r"made|make|had|have|provided|provide|gave|give|lowered|lower|cut|introduced|introduce|"
    r"supported|support|were\s+to|could|created|create|opened|open|dropped|drop|included|"
    r"include|bundled|bundle|priced|price|discounted|discount|matched|match|waived|waive)"
)
_YOU_SUBJ = r"(?:you|your\s+(?:team|company|engineers|users|org|developers|business)|they)"
_HYPOTHETICAL = gapped(
    r"\b(?:if|suppose|supposing|assuming|imagine|say|once|in\s+case|provided)\s+(?:that\s+)?"
    rf"(?:we|our\s+(?:team|product|company)|there\s+(?:was|were)\s+a)\s+(?:\w+\s+){{0,3}}?"
    rf"{_WE_SHIP}\b[^?]*?\b(?:would|will|could|might|'d)\b|"
    rf"\b(?:would|'d|might)\s+{_YOU_SUBJ}\s+(?:still\s+|ever\s+|then\s+|actually\s+|"
    rf"seriously\s+|also\s+|really\s+)?{_PAY}\b|"
    rf"(?:^\s*|[,;:]\s*)(?:and\s+|so\s+|then\s+)?(?:would|will)\s+{_YOU_SUBJ}\s+"
    rf"(?:still\s+|ever\s+|then\s+|actually\s+|also\s+|really\s+)?{_ADOPT}\b|"
    rf"\b(?:would|will)\s+{_YOU_SUBJ}\s+(?:\w+\s+)?{_ADOPT}\b[^?]*\b(?:if|once)\s+we\b|"
    r"\bhow\s+much\s+(?:would|will|could|might)\s+(?:you|your\s+\w+|they)\s+"
    r"(?:\w+\s+)?(?:pay|spend|budget|invest|be\s+willing)\b|"
    r"\b(?:are|is)\s+(?:you|your\s+\w+)\s+(?:willing|prepared|ready|likely|going)\s+to\s+"
    r"(?:pay|spend|buy|switch|adopt|purchase|try|commit|move|migrate|sign|upgrade)\b|"
    r"\bwillingness\s+to\s+pay\b|"
    r"\bhow\s+likely\s+(?:are|is)\s+(?:you|your\s+\w+)\s+to\b|"
    r"\b(?:would|will)\s+(?:it|that|this)\s+(?:help|be\s+(?:useful|helpful|valuable|worth))\b"
    r"[^?]*\bif\s+we\b|"
    r"\b(?:would|will)\s+there\s+be\s+(?:interest|demand|budget)\b"
)

# --- opinion-fishing -------------------------------------------------------------------
_OURS = (
    r"(?:us|our\b|ours|we\b|the\s+(?:product|service|console|platform|support|api|sdk|"
    r"pricing|docs|documentation|team|ui|dashboard|cloud|offering|solution|new\s+\w+))"
)
_OPINION = gapped(
    rf"\bhow\s+(?:do|did|would|does)\s+(?:you|your\s+\w+)\s+(?:feel|rate|like|find|judge|"
    rf"grade|score|perceive|view|see|assess|evaluate|describe|compare)\b\s+(?:\w+\s+){{0,3}}?"
    rf"{_OURS}|"
    rf"\bwhat\s+(?:do|did|would)\s+(?:you|your\s+\w+)\s+(?:think|feel|say)\s+(?:of|about)\s+"
    rf"{_OURS}|"
    rf"\b(?:what(?:'s|\s+is|\s+was|\s+are)|share)\s+(?:your|the\s+team's)\s+(?:overall\s+|"
    rf"honest\s+|general\s+|first\s+)?(?:opinion|impression|view|verdict|feeling|feelings|"
    rf"thoughts|take|assessment|perception|satisfaction|feedback)\s+(?:of|on|about|with|"
    rf"regarding)\s+{_OURS}|"
    rf"\bhow\s+(?:satisfied|happy|pleased|content|impressed|disappointed)\s+(?:are|were|is)\s+"
    rf"(?:you|your\s+\w+)|"
    rf"\b(?:are|were|is)\s+(?:you|your\s+\w+)\s+(?:satisfied|happy|pleased|content|"
    rf"impressed|disappointed)\s+with\s+{_OURS}|"
    rf"\b(?:do|did)\s+(?:you|your\s+\w+)\s+(?:like|love|enjoy|hate|dislike)\s+{_OURS}|"
    rf"\bon\s+a\s+scale\b|\bout\s+of\s+(?:5|10|five|ten)\b|\brate\s+(?:us|our|the)\b|"
    rf"\b(?:score|grade)\s+(?:us|our)\b|\bhow\s+many\s+stars\b|"
    rf"\bhow\s+(?:good|bad|well|useful|helpful|reliable|easy)\s+(?:is|was|are|were|has\s+been|"
    rf"have\s+been)\s+{_OURS}|"
    rf"\bhow\s+(?:is|was|has\s+been)\s+(?:your\s+)?(?:experience|life|working)\s+with\s+"
    rf"{_OURS}|"
    rf"\bhow\s+(?:do|does)\s+{_OURS}\s*\w*\s+(?:compare|stack\s+up|measure\s+up)\b|"
    rf"\bhow\s+likely\s+(?:are|is)\s+(?:you|your\s+\w+)\s+to\s+recommend\b|"
    r"\bhow\s+(?:are|were|is|was)\s+(?:we|our\s+\w+)\s+doing\b|\bhow\s+did\s+we\s+do\b|"
    r"\b(?:what|which)\s+(?:grade|score|rating|mark|number\s+of\s+stars)\b|"
    r"\bhow\s+(?:well|badly|good|poorly|quickly|fast)\s+(?:do|did|does|have|has)\s+(?:we|our\s+\w+)"
    r"\b|"
    r"\b(?:give|grade|score)\s+(?:us|our\s+\w+)\b[^?]*\b(?:score|grade|mark|rating|out\s+of)\b|"
    rf"\b(?:would|will)\s+you\s+recommend\s+(?:us|our)\b"
)

# --- leading ---------------------------------------------------------------------------
_LEADING_NEGATED = gapped(
    r"\b(?:don't|doesn't|wouldn't|won't|isn't|aren't|shouldn't|can't|haven't|hasn't|"
    r"didn't|wasn't|weren't)\s+(?:you|it|that|this|they|we|there|your\s+\w+)\s+"
    r"(?:agree|think|feel|say|find|believe|be|a|the|true|obvious|clear|fair|better|great|"
    r"easier|simpler|cheaper|faster|safer|nice|amazing|wonderful|helpful|useful|frustrating|"
    r"annoying|painful|make\s+sense|help|mean|seem|sound|want|wish|love|need|prefer)\b"
)
_WH_START = re.compile(r"^\s*(?:why|how|what|when|which|who|where)\b")
_LEADING = gapped(
    r"^\s*(?:don't|doesn't|wouldn't|won't|isn't|aren't|shouldn't|haven't|hasn't)\s+\w+|"
    r"[,;-]\s*(?:right|correct|yes|no|true|agreed|isn't\s+it|aren't\s+they|don't\s+you|"
    r"doesn't\s+it|didn't\s+it|wasn't\s+it|weren't\s+they|wouldn't\s+you|won't\s+you|"
    r"can't\s+you|isn't\s+that\s+(?:so|right|true)|don't\s+they|shouldn't\s+we|"
    r"wouldn't\s+it|am\s+i\s+right|yeah|ok|okay|no\?)\s*\?+\s*$|"
    r"\b(?:surely|obviously|clearly|of\s+course)\b[^?]*\?|"
    r",\s*(?:doesn't|don't|isn't|aren't|wasn't|didn't|won't|wouldn't|shouldn't|can't)\s+"
    r"(?:it|you|they|that|this|we)\b|"
    r"(?<!how\s)\b(?:most|many|all|other|our\s+other)\s+(?:teams|customers|companies|clients|people|users|"
    r"engineers)\s+(?:find|say|tell\s+us|agree|love|prefer|think|report)\b|"
    r"\b(?:you\s+(?:would|must|surely|probably)\s+agree|you'd\s+agree|i'm\s+sure\s+you|"
    r"i\s+assume\s+you|we\s+all\s+know|everyone\s+knows|as\s+you\s+know|"
    r"(?:you|we)\s+can\s+agree|wouldn't\s+you\s+say|isn't\s+it\s+true)\b|"
    r"\bhow\s+(?:much|many)\s+(?:better|easier|faster|happier|more\s+\w+)\b[^?]*\b"
    r"(?:would|will|is|was)\s+(?:it|things|life)\b|"
    r"\bhow\s+(?:great|amazing|wonderful|helpful|frustrating|painful|annoying|awful|"
    r"terrible|bad)\s+(?:was|is|would|has)\b"
)

# --- double-barreled -------------------------------------------------------------------
_Q_START = (
    r"(?:what|how|why|which|who|whom|whose|where|when|do|does|did|is|are|was|were|"
    r"would|will|can|could|should|has|have|had)"
)
_DOUBLE = gapped(
    r"\?\s*\S[^?]*\?|"
    r"(?:,\s*|\s)(?:and|&|plus|as\s+well\s+as|and\s+also|but\s+also)\s+(?:then\s+|also\s+)?"
    r"(?:what|how|which|who|whom|whose|where|when|why)(?:['’]s)?\s+\w+['’]?\w*\s+\w+|"
    r"(?:,\s*|\s)(?:and|&|plus|also|and\s+also)\s+(?:then\s+|also\s+)?"
    r"(?:do|does|did|is|are|was|were|would|will|can|could|should|has|have|had)\s+(?!not\b)"
    r"(?:you|your|they|the|it|we|there|that|those|these|this|he|she|its|their|any)\b"
)
# "How many clusters do you run; who owns them?" asks twice. "Your Q3 report shows 40%
# growth; which region drove it?" is a research preamble, then one question.
_SEMICOLON = re.compile(rf";\s*{_Q_START}\b[^?]*\?")
_ASKS = gapped(
    rf"^\s*(?:(?:so|and|also|then|ok|okay|um|uh|well|right|now|first)\s*,?\s+)*{_Q_START}\b"
)


def _double(text: str) -> Iterator[Hit]:
    match = _DOUBLE.search(text)
    if not match:
        semicolon = _SEMICOLON.search(text)
        before = text[: semicolon.start()] if semicolon else ""
        if semicolon and _ASKS.search(before.rsplit(";", 1)[-1]):
            match = semicolon
    if match:
        yield "double-barreled", match.span()


# --- vague -----------------------------------------------------------------------------
_ANCHOR = gapped(
    r"\d|\b(?:last|this|next|past|previous)\s+(?:week|month|quarter|year|sprint|release|"
    r"time|incident|outage|renewal|migration|launch|review|rollout|upgrade|deal|contract|"
    r"budget|cycle|season|peak|holiday|friday|monday|tuesday|wednesday|thursday|saturday|"
    r"sunday|\w+'s)\b|\byesterday\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|q[1-4]|h[12])\b|\b(?:when|during|since|after|before|while)\s+\w+|"
    r"\b(?:the|that|your)\s+(?:\w+\s+)?(?:outage|incident|migration|launch|rollout|"
    r"release|renewal|tender|rfp|invoice|bill|ticket|failover|cutover|upgrade|audit|"
    r"project|contract|purchase|deployment|event|promotion|sale|campaign)\b"
)
_VAGUE = Split(
    r"\b(?:anything|something)\s+else\b|\bwhat\s+else\b|\bany\s+other\s+(?:questions?|"
    r"thoughts|comments|feedback|concerns|issues|ideas|suggestions|needs|requests|points|"
    r"topics|business|things?)\b|"
    r"^\s*(?:so\s*,?\s*|and\s+|ok(?:ay)?\s*,?\s*)?(?:do\s+you\s+have\s+|got\s+|have\s+you\s+got\s+)?"
    r"any\s+(?:\w+\s+)?(?:thoughts|feedback|comments|questions|concerns|suggestions|ideas|"
    r"issues|problems|requests|needs|input|pain\s+points|requirements|challenges|"
    r"complaints|wishes)\s*(?:for\s+us|on\s+your\s+mind|at\s+all|in\s+general|overall|generally|"
    r"(?:on|about|for)\s+(?:anything|"
    r"everything|that|this|us|the\s+product|things))?\s*[?.!]*\s*$|"
    r"\broom\s+for\s+improvement\b|\bwhat\s+(?:could|can|should)\s+be\s+(?:better|improved)\b|"
    r"\bwhat(?:'s|\s+is)\s+on\s+your\s+mind\b|\bwhat\s+keeps\s+you\s+up\s+at\s+night\b|"
    r"\bwhat(?:'s|\s+is)\s+new(?:\s+with\s+you|\s+on\s+your\s+side)?\s*[?.!]*\s*$|"
    r"\b(?:is\s+there\s+)?anything\s+(?:(?:we|i)\s+should\s+know|to\s+add|worth\s+mentioning)\b|"
    r"\bhow(?:'s|\s+is|\s+are)\s+(?:it|everything|things|life|business)\s+(?:going|"
    r"been|lately|these\s+days)\b|\bhow(?:'s|\s+is|\s+are)\s+(?:everything|things|life|"
    r"business)(?:\s+(?:with\s+you|on\s+your\s+side|going|lately))?\s*[?.!]*\s*$|"
    r"^\s*(?:so\s*,?\s*)?(?:what|which)\s+(?:are|is|were)\s+(?:your|the)\s+(?:\w+\s+){0,2}?"
    r"(?:challenges?|problems?|pain\s+points?|needs|concerns|issues|priorities|"
    r"requirements|difficulties|frustrations|struggles|gaps|wishes|wants|expectations)"
    r"(?:\s+(?:for\s+you|for\s+your\s+\w+|to\s+you|right\s+now|at\s+the\s+moment|currently|"
    r"today|these\s+days|in\s+general|overall|with\s+\w+))*\s*[?.!]*\s*$|"
    r"^\s*(?:can\s+you\s+|could\s+you\s+)?(?:tell|talk)\s+(?:me|us)\s+(?:a\s+bit\s+|more\s+|"
    r"a\s+little\s+)?about\s+(?:your|the)\s+(?:\w+\s+)?(?:business|company|needs|"
    r"challenges|situation|problems|team|environment|setup|infrastructure|plans?)\s*[?.!]*\s*$|"
    r"\bhow\s+can\s+(?:we|i)\s+(?:help|serve|support)\s*(?:you)?\s*(?:better)?\s*[?.!]*\s*$|"
    r"\bwhat\s+(?:can|could)\s+we\s+do\s+(?:for\s+you|better|to\s+help)\b|"
    r"\bis\s+there\s+anything\s+(?:else\s+)?(?:we|i)\s+(?:can|could|should)\b|"
    r"^\s*(?:so\s*,?\s*)?what\s+do\s+you\s+(?:need|want)(?:\s+from\s+us)?\s*[?.!]*\s*$|"
    r"^\s*(?:so\s*,?\s*)?(?:what|which)\s+(?:problems|issues|challenges|pain\s+points)\s+"
    r"(?:do|are)\s+(?:you|your\s+team)\s+(?:have|having|facing|face|see|seeing)"
    r"(?:\s+(?:right\s+now|today|currently|in\s+general))?\s*[?.!]*\s*$"
)


def _vague(text: str) -> Iterator[Hit]:
    match = _VAGUE.search(text)
    if match and not _ANCHOR.search(text):
        yield "vague", match.span()


def _leading(text: str) -> Iterator[Hit]:
    match = _LEADING.search(text)
    if not match and not _WH_START.search(text):
        match = _LEADING_NEGATED.search(text)
    if match:
        yield "leading", match.span()


def _obvious(text: str) -> Iterator[Hit]:
    match = _OBVIOUS_CLOSED.search(text) or _OBVIOUS_WHO.search(text)
    if match:
        yield "obvious-answer", match.span()


# --- good forms ------------------------------------------------------------------------
# Forms that ask for a fact, an artifact or a story; the model alone never flags them (a rule
# still does). A polite request for something concrete ("Could you share the postmortem
# from the April outage?"), a closed question of fact about their own systems ("Is your DR
# site still in Shanghai?"), how a process runs ("How are you handling secrets rotation?"),
# which thing they run now ("Which model are you currently serving?").
_CONCRETE = gapped(
    r"\d|\b(?:last|this|past|previous|recent|latest|most\s+recent)\s+\w+|\byesterday\b|"
    r"\b(?:when|during|since|after|before|while)\s+\w+|\bhow\b|\b(?:postmortem|post-mortem|"
    r"ticket|tickets|alert|alerts|dashboard|runbook|playbook|diagram|logs?|screenshot|queue|"
    r"breakdown|report|spreadsheet|config|configuration|pipeline|architecture|invoice|bill|"
    r"incident|outage|migration|rollout|release|deploy|deployment|change|script|query|"
    r"example|timeline|review|metrics|numbers|estimate|plan|process|flow|setup|trace)\b"
)
_POLITE_REQUEST = gapped(
    r"^\s*(?:(?:and|so|ok|okay)\s*,?\s+)?(?:(?:could|can|would)\s+you\s+(?:please\s+|maybe\s+|"
    r"perhaps\s+)?|would\s+you\s+mind\s+|(?:please\s+)?)(?:share|sharing|show|showing|send|"
    r"sending|pull(?:ing)?\s+up|walk(?:ing)?\s+(?:me|us)\s+through|tak(?:e|ing)\s+(?:me|us)\s+"
    r"through|describ(?:e|ing)|open(?:ing)?|forward(?:ing)?|bring(?:ing)?\s+up|screen-?shar"
    r"(?:e|ing)|go(?:ing)?\s+through|recount(?:ing)?|explain(?:ing)?\s+how)\b"
)
_SYSTEM_FACT = gapped(
    r"^\s*(?:(?:and|so|ok|okay)\s*,?\s+)?(?:is|are|was|were)\s+(?:your|the|their|those|these|"
    r"that|this)\s+[^?,;]{1,60}?\b(?:still|currently|now|already|on|in|at|running|deployed|"
    r"hosted|managed|built|using|based|located|shared|the\s+same|in-house|or|behind|inside|"
    r"part\s+of|owned|connected|covered)\b|"
    r"^\s*(?:does|do|did)\s+(?:your|the|their)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:still|currently|"
    r"already)\b|"
    r"^\s*how\s+(?:are|is|do|does|did)\s+(?:you|your\s+[\w-]+(?:\s+team)?|the\s+[\w-]+\s+team)"
    r"\s+(?:currently\s+|now\s+|today\s+)?(?:handl|manag|deal|run|track|monitor|rotat|test|"
    r"deploy|roll|patch|approv|decid|review|provision|migrat|schedul|onboard|back|budget|"
    r"measur|report|allocat|forecast|recover|scal|secur|stor|encrypt|audit|bill|charg|"
    r"split|plan|build|releas|ship|version|cach|rout|log|alert|page|escalat|triag)\w*\b|"
    r"^\s*how\s+(?:does|do|did)\s+(?:your|the|their)\s+[^?,;]{1,60}?\s+(?:work|run|flow)\b|"
    r"^\s*(?:which|what)\s+[^?,;]{1,50}?\s+(?:are|is|do|does)\s+(?:you|your\s+[\w-]+|they)\s+"
    r"(?:currently|now|still|today)\b"
)
# words that make even these forms ask for a verdict or a want
_VERDICT_WORDS = gapped(
    rf"\b(?:{_WANT}|{_IMPORTANT}|happy|satisfied|pleased|unhappy|frustrat\w*|annoy\w*|"
    r"painful|good|bad|great|better|worse|best|worst|easy|hard|difficult|enough|worth|"
    r"fair|reasonable|expensive|cheap|opinion|thoughts|think|feel|impression|overview|"
    r"general|overall|business|company|organi[sz]ation|landscape|roadmap|ought|should|"
    r"you'd|you\s+would|if\s+you\s+were)\b"
)
_RIVAL_WORDS = gapped(rf"\b{_VENDORS}\b")


def good_form(text: str) -> bool:
    """Whether lower-cased ``text`` has a form that asks for a fact, artifact or story."""
    plain = normalise(text)
    if _VERDICT_WORDS.search(plain) or _RIVAL_WORDS.search(plain):
        return False
    if _POLITE_REQUEST.search(plain):
        return bool(_CONCRETE.search(plain))
    return bool(_SYSTEM_FACT.search(plain))


RULES: tuple[Rule, ...] = (
    _obvious,
    regex_rule("design-offload", _DESIGN_OFFLOAD),
    regex_rule("competitor-confront", _COMPETITOR),
    regex_rule("hypothetical", _HYPOTHETICAL),
    regex_rule("opinion-fishing", _OPINION),
    _leading,
    _double,
    _vague,
)


def normalise(text: str) -> str:
    """Lower case with typographic quotes made plain; same length as ``text``."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\uff1f", "?")


def find(text: str) -> list[Hit]:
    """Every rule's first hit in ``text``, in rule order."""
    plain = normalise(text)
    return run_rules(RULES, plain)
