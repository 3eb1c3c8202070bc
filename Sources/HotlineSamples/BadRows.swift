/// Rows that a real export gets wrong, planted in the samples so every reject kind shows in the reports.
///
/// `<0xFF>` stands for a raw 0xFF byte (not valid UTF-8); the generator writes the byte itself.
enum BadRows {
    static let plan: [Int: [String]] = [
        2: [
            ",hotline-cn,退款,inbound,13800001234,A1003,2026-10-28T10:01:02+08:00,2026-10-28T10:01:20+08:00,2026-10-28T10:05:00+08:00,18,200,0,20,answered,主菜单>支付>退款,",
            "HL-BAD-CSAT,hotline-cn,退款,inbound,13800001235,A1003,2026-10-28T11:01:02+08:00,2026-10-28T11:01:20+08:00,2026-10-28T11:05:00+08:00,18,200,0,20,answered,主菜单>支付>退款,7",
        ],
        3: [
            "HL-QUOTED,hotline-en,\"refund, urgent\",inbound,13800001236,E2003,2026-10-29T09:11:02+08:00,2026-10-29T09:11:10+08:00,2026-10-29T09:15:00+08:00,8,220,0,20,answered,main>payment>refund,5",
            "HL-OUTBOUND-1,vip,callback,outbound,13800001237,V4002,2026-10-29T15:00:00+08:00,2026-10-29T15:00:09+08:00,2026-10-29T15:04:00+08:00,9,200,0,10,answered,,",
        ],
        5: [
            "HL-BAD-COUNT,hotline-cn,支付,退款,inbound,13800001238,A1004,2026-10-31T10:01:02+08:00,2026-10-31T10:01:20+08:00,2026-10-31T10:05:00+08:00,18,200,0,20,answered,主菜单>支付>退款,",
            "HL-BAD-TIME,hotline-cn,退款,inbound,13800001239,A1004,2026-13-31T10:01:02+08:00,,2026-10-31T10:05:00+08:00,18,,,,abandoned,主菜单>支付>退款,",
        ],
        8: [
            "HL-BAD-ANSWER,hotline-cn,登录失败,inbound,13800001240,A1005,2026-11-03T10:01:02+08:00,2026-11-03T10:00:20+08:00,2026-11-03T10:05:00+08:00,,200,0,20,answered,主菜单>账户>登录,",
            "HL-BAD-END,hotline-cn,登录失败,inbound,13800001241,,2026-11-03T10:01:02+08:00,,2026-11-03T09:05:00+08:00,,,,,abandoned,主菜单>账户>登录,",
        ],
        11: [
            "HL-NEG-WAIT,hotline-en,refund request,inbound,13800001242,,2026-11-06T10:01:02+08:00,,2026-11-06T10:02:00+08:00,-12,,,,abandoned,main>payment>refund,",
            "HL-BAD-TALK,hotline-en,refund request,inbound,13800001243,E2004,2026-11-06T10:11:02+08:00,2026-11-06T10:11:09+08:00,2026-11-06T10:15:00+08:00,7,3m50s,0,20,answered,main>payment>refund,",
            "HL-BAD-OUTCOME,hotline-cn,退款,inbound,13800001244,,2026-11-06T10:21:02+08:00,,2026-11-06T10:22:00+08:00,58,,,,hungup,主菜单>支付>退款,",
        ],
        14: [
            "HL-BAD-DIRECTION,hotline-cn,退款,internal,13800001245,A1006,2026-11-09T10:01:02+08:00,2026-11-09T10:01:20+08:00,2026-11-09T10:05:00+08:00,18,200,0,20,answered,主菜单>支付>退款,",
            "HL-INCONSISTENT,hotline-cn,退款,inbound,13800001246,,2026-11-09T10:11:02+08:00,2026-11-09T10:11:40+08:00,2026-11-09T10:12:00+08:00,38,,,,abandoned,主菜单>支付>退款,",
        ],
        17: [
            "HL-BAD-QUOTE,hotline-cn,\"退款\"x,inbound,13800001247,A1007,2026-11-12T10:01:02+08:00,2026-11-12T10:01:20+08:00,2026-11-12T10:05:00+08:00,18,200,0,20,answered,主菜单>支付>退款,",
            "HL-BAD-BYTES,hotline-cn,退<0xFF>款,inbound,13800001248,A1007,2026-11-12T10:11:02+08:00,2026-11-12T10:11:20+08:00,2026-11-12T10:15:00+08:00,18,200,0,20,answered,主菜单>支付>退款,",
        ],
        20: [
            "HL-BAD-ORDER,vip,投诉,inbound,13800001249,V4001,2026-11-15T10:01:02+08:00,2026-11-15T10:01:20+08:00,2026-11-15T10:01:10+08:00,18,,,,answered,主菜单>投诉>投诉,",
            "HL-CSAT-ZERO,vip,投诉,inbound,13800001250,V4001,2026-11-15T10:11:02+08:00,2026-11-15T10:11:20+08:00,2026-11-15T10:15:00+08:00,18,200,0,20,answered,主菜单>投诉>投诉,0",
        ],
        23: [
            "HL-NO-OFFSET,hotline-cn,账单,inbound,13800001251,A1008,2026-11-18 10:01:02,2026-11-18 10:01:12,2026-11-18 10:05:00,10,218,0,20,answered,主菜单>账单>对账单,4",
            "HL-OUTBOUND-2,vip,callback,outbound,13800001252,V4003,2026-11-18T16:00:00+08:00,2026-11-18T16:00:07+08:00,2026-11-18T16:03:00+08:00,7,173,0,10,answered,,",
        ],
    ]

    static func plant(into lines: inout [String], dayOffset: Int, random: inout SampleRandom) {
        // The rows were written before the `ivr_s` column: it is empty in them (HL-BAD-COUNT keeps one too many).
        for row in plan[dayOffset] ?? [] {
            lines.insert(row + ",", at: lines.isEmpty ? 0 : random.int(0..<lines.count))
        }
    }
}
