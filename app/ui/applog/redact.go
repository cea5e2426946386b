package applog

import "github.com/qunhuo/qunhuo/data/mask"

// logRules mask for a log file a developer reads: a code keeps its first and last two
// characters so two codes can be told apart, and every run of 5 or 6 digits that can
// be a QQ number is masked, since a log line cannot know the group's members.
var logRules = mask.Rules{CodeEnds: true, AnyShortQQ: true}

// Redact returns s with what must never reach the log file masked, by the same rules
// as posts (mask.Text) so that one number or code looks the same everywhere:
//
//   - the value after 卡密, 密码, 激活码, 兑换码, CDK or CDKEY and a colon (： or :),
//     "=" or spaces becomes ****, unless it is a sentence (密码 错误), a date or time
//     written with separators, an amount or a count (30天);
//   - card codes keep their first 2 and last 2 characters around ****: runs of 12
//     or more ASCII letters and digits shaped like a code, runs of 13 or more
//     digits, dashed groups (ABCD-1234-EFGH-5678) and spaced groups of four
//     (1234 5678 9012 3456);
//   - other runs of 5 to 12 digits are masked as QQ numbers (data.MaskQQ):
//     123****789 from 9 or more digits, 12****8 from 7 or 8, 1****5 from 5 or 6.
//
// Digits stay when they cannot be a QQ number: a leading 0; either side of a
// decimal point (12345.67, the fraction of 10:30:00.123456789); a price (¥123456,
// 654321元); a date or timestamp 20261231, 202612312359, 20261231235959 (years
// 2000–2099, valid month, day and time; QQ numbers starting 19 stay masked) and the
// 6-digit time after such a date (20261231-235959). Unix times (1767225600) cannot
// be told from QQ numbers and are masked.
//
// Full-width digits count as digits and come out half-width in masks. Redact keeps
// invalid UTF-8 as it is and is idempotent.
func Redact(s string) string { return mask.Text(s, logRules) }
