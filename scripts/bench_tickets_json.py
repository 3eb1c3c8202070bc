"""Writes COUNT tickets as a Zendesk incremental ticket export with include=metric_sets into OUT, for
`scripts/bench tickets`: the objects the API returns (via.source, custom_fields, a description, ids as numbers,
Chinese text as UTF-8 as Zendesk writes it), a month from 2026-10-01 UTC, 90% solved, a third rated, an update of
one ticket in fifty listed again later (the last version counts)."""
import datetime
import json
import random
import sys

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(2026)
tags = [["重复支付", "voice"], ["支付失败"], ["refund", "退款"], ["未到账"], ["账户锁定"], ["password_reset"], ["对账单"],
        ["投诉"], ["投诉升级", "vip"], ["活动", "promo"]]
words = ["退款", "支付", "登录", "refund", "late", "order", "app", "账单", "invoice", "crash", "密码", "payment"]
start = datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc)


def stamp(seconds):
    return (start + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def ticket(i):
    created = i * 31 * 86400 // max(1, count) + rng.randrange(60)
    reply = 1 + rng.randrange(240)
    resolve = reply + rng.randrange(4000)
    solved = rng.randrange(10) != 0
    number = 1_000_000 + i
    subject = " ".join(rng.choice(words) for _ in range(4))
    return {
        "url": f"https://example.zendesk.com/api/v2/tickets/{number}.json", "id": number, "external_id": None,
        "via": {"channel": rng.choice(["voice", "voice", "web", "email"]),
                "source": {"from": {"phone": f"+86138{rng.randrange(10**8):08d}", "name": "Caller"},
                           "to": {"phone": "+864008001234"}, "rel": "inbound"}},
        "created_at": stamp(created), "updated_at": stamp(created + resolve * 60),
        "type": rng.choice(["question", "incident", "problem", None]), "subject": subject, "raw_subject": subject,
        "description": " ".join(rng.choice(words) for _ in range(40)) + "\n\nThanks",
        "priority": rng.choice(["urgent", "high", "normal", "normal", "low", None]),
        "status": (rng.choice(["solved", "closed"]) if solved else rng.choice(["open", "pending", "new"])),
        "recipient": None, "requester_id": 360000000000 + rng.randrange(10**6),
        "submitter_id": 360000000000 + rng.randrange(10**6), "assignee_id": 361000000000 + rng.randrange(60),
        "organization_id": None, "group_id": 7597720 + rng.randrange(4), "collaborator_ids": [], "follower_ids": [],
        "email_cc_ids": [], "forum_topic_id": None, "problem_id": None, "has_incidents": False, "is_public": True,
        "due_at": None, "tags": rng.choice(tags),
        "custom_fields": [{"id": 360000000000 + k, "value": rng.choice([None, "x", 12, True])} for k in range(6)],
        "satisfaction_rating": {"score": rng.choice(["good", "bad", "offered", "unoffered"])} if solved else None,
        "sharing_agreement_ids": [], "fields": [], "followup_ids": [], "brand_id": 360000123456,
        "allow_channelback": False, "allow_attachments": True, "from_messaging_channel": False,
        "generated_timestamp": 1790784000 + created,
        "metric_set": {
            "url": f"https://example.zendesk.com/api/v2/ticket_metrics/{number}.json", "id": number + 5_000_000,
            "ticket_id": number, "created_at": stamp(created), "updated_at": stamp(created + resolve * 60),
            "group_stations": 1, "assignee_stations": 1, "reopens": 1 if rng.randrange(20) == 0 else 0,
            "replies": 2, "solved_at": stamp(created + resolve * 60) if solved else None,
            "reply_time_in_minutes": {"calendar": reply, "business": reply},
            "first_resolution_time_in_minutes": {"calendar": resolve, "business": resolve},
            "full_resolution_time_in_minutes": {"calendar": resolve if solved else None, "business": None},
            "agent_wait_time_in_minutes": {"calendar": None, "business": None}},
    }


with open(out, "w") as f:
    f.write('{"tickets": [')
    for i in range(count):
        if i:
            f.write(", ")
        f.write(json.dumps(ticket(i), ensure_ascii=False))
        if i % 50 == 49:  # an update of an earlier ticket, listed again
            f.write(", " + json.dumps(ticket(i - 25), ensure_ascii=False))
    f.write('], "next_page": null, "count": %d, "end_of_stream": true}\n' % count)
