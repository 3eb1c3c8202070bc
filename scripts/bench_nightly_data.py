"""Writes DAYS daily calls-csv exports of PER_DAY calls each, from 2025-11-01 (Asia/Shanghai), into DIR:
the inbox of a year of nightly runs for `scripts/bench nightly`. Callers repeat across days (~200k of them)."""
import datetime
import os
import random
import sys

days, per_day, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
rng = random.Random(2026)
queues = ["hotline-cn"] * 3 + ["hotline-en", "merchant", "vip"]
labels = ["密码重置", "登录失败", "账户锁定", "支付失败", "退款", "重复支付", "到账延迟", "交易记录查询", "账单", "活动咨询", "投诉", "投诉升级"]
header = "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat\n"
start = datetime.date(2025, 11, 1)
tz = "+08:00"


def stamp(day, s):
    d = day + datetime.timedelta(seconds=s)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + tz


for n in range(days):
    day = start + datetime.timedelta(days=n)
    base = datetime.datetime(day.year, day.month, day.day)
    lines = [header]
    for i in range(per_day):
        t = i * 86400 // per_day
        roll = rng.randrange(100)
        answered = roll < 88
        wait = rng.randrange(15) if answered and rng.randrange(4) else rng.randrange(1, 200)
        talk = 60 + rng.randrange(600) if answered else 0
        caller = "13%09d" % rng.randrange(200000)
        lines.append(",".join([
            "D%s-%06d" % (day.strftime("%Y%m%d"), i), rng.choice(queues), rng.choice(labels), "inbound", caller,
            "A%d" % (1000 + rng.randrange(80)) if answered else "", stamp(base, t),
            stamp(base, t + wait) if answered else "", stamp(base, t + wait + talk), str(wait),
            str(talk) if answered else "", "0" if answered else "", "20" if answered else "",
            "answered" if answered else "abandoned", "", str(1 + rng.randrange(5)) if answered and rng.randrange(3) == 0 else "",
        ]) + "\n")
    with open(os.path.join(out, "calls-%s.csv" % day.isoformat()), "w") as f:
        f.writelines(lines)
