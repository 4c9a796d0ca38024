//! Cost, scope, platform and deployment phrases.

use super::words::{W, find_all};
use super::{Reading, push};

/// Cost, scope, platform and the deployment's constraints: phrases, each unless the clause
/// negates it.
pub(super) fn read_phrases(text: &str, ws: &[W], answers: &mut Vec<Reading>) {
    const PHRASES: &[(&str, &str, &str)] = &[
        // Cost.
        ("most cost-effective", "budget", "low"),
        ("most cost effective", "budget", "low"),
        ("as cost-effective as possible", "budget", "low"),
        ("cost-effective", "budget", "low"),
        ("cost effective", "budget", "low"),
        ("cost-optimized", "budget", "low"),
        ("cost optimized", "budget", "low"),
        ("minimize cost", "budget", "low"),
        ("minimize costs", "budget", "low"),
        ("minimise cost", "budget", "low"),
        ("costs to a minimum", "budget", "low"),
        ("lowest cost", "budget", "low"),
        ("lowest possible cost", "budget", "low"),
        ("minimum cost", "budget", "low"),
        ("minimal cost", "budget", "low"),
        ("least expensive", "budget", "low"),
        ("cheapest", "budget", "low"),
        ("has to be cheap", "budget", "low"),
        ("spend as little as possible", "budget", "low"),
        ("keep costs low", "budget", "low"),
        ("keep costs down", "budget", "low"),
        ("keep cost low", "budget", "low"),
        ("keep the cost low", "budget", "low"),
        ("costs low", "budget", "low"),
        ("low cost", "budget", "low"),
        ("least cost", "budget", "low"),
        ("inexpensive", "budget", "low"),
        ("inexpensively", "budget", "low"),
        ("minimizing expense", "budget", "low"),
        ("minimising expense", "budget", "low"),
        ("minimize expense", "budget", "low"),
        ("minimizing cost", "budget", "low"),
        ("minimizing costs", "budget", "low"),
        ("low-cost", "budget", "low"),
        ("cheap", "budget", "low"),
        ("budget is tight", "budget", "low"),
        ("tight budget", "budget", "low"),
        ("cost as little as possible", "budget", "low"),
        ("regardless of cost", "budget", "high"),
        ("cost is not a concern", "budget", "high"),
        ("cost is no object", "budget", "high"),
        ("money is no object", "budget", "high"),
        ("budget is not a constraint", "budget", "high"),
        ("whatever it costs", "budget", "high"),
        ("cost doesnt matter", "budget", "high"),
        ("cost is not an issue", "budget", "high"),
        ("cost is no concern", "budget", "high"),
        ("whatever it takes", "budget", "high"),
        ("no matter the cost", "budget", "high"),
        ("cost is secondary", "budget", "high"),
        ("cost doesn't matter", "budget", "high"),
        ("cost does not matter", "budget", "high"),
        // What to survive.
        ("region fails", "scope", "region"),
        ("region goes down", "scope", "region"),
        ("region is lost", "scope", "region"),
        ("region becomes unavailable", "scope", "region"),
        ("regional outage", "scope", "region"),
        ("regional failure", "scope", "region"),
        ("regional disaster", "scope", "region"),
        ("region failure", "scope", "region"),
        ("region outage", "scope", "region"),
        ("entire region", "scope", "region"),
        ("whole region", "scope", "region"),
        ("another region", "scope", "region"),
        ("second region", "scope", "region"),
        ("different region", "scope", "region"),
        ("other region", "scope", "region"),
        ("across regions", "scope", "region"),
        ("multiple regions", "scope", "region"),
        ("primary region", "scope", "region"),
        ("recovery region", "scope", "region"),
        ("secondary region", "scope", "region"),
        ("home region", "scope", "region"),
        ("availability zone", "scope", "az"),
        ("availability zones", "scope", "az"),
        ("az failure", "scope", "az"),
        ("az outage", "scope", "az"),
        // Where it runs.
        ("elastic beanstalk", "platform", "beanstalk"),
        ("beanstalk", "platform", "beanstalk"),
        ("lambda", "platform", "lambda"),
        ("ecs", "platform", "ecs"),
        ("fargate", "platform", "ecs"),
        ("ec2", "platform", "ec2"),
        ("auto scaling group", "platform", "ec2"),
        ("on-premises", "platform", "on-prem"),
        ("on premises", "platform", "on-prem"),
        ("on-prem", "platform", "on-prem"),
        ("on prem", "platform", "on-prem"),
        ("onprem", "platform", "on-prem"),
        ("data center", "platform", "on-prem"),
        // Downtime during a deployment.
        ("without downtime", "downtime", "none"),
        ("without any downtime", "downtime", "none"),
        ("zero downtime", "downtime", "none"),
        ("zero-downtime", "downtime", "none"),
        ("no downtime", "downtime", "none"),
        ("not cause any downtime", "downtime", "none"),
        ("not cause downtime", "downtime", "none"),
        ("not experience downtime", "downtime", "none"),
        ("not interrupt users", "downtime", "none"),
        ("remain available", "downtime", "none"),
        ("stay available", "downtime", "none"),
        ("downtime is acceptable", "downtime", "ok"),
        ("downtime is allowed", "downtime", "ok"),
        ("downtime is ok", "downtime", "ok"),
        ("accept downtime", "downtime", "ok"),
        ("tolerate downtime", "downtime", "ok"),
        ("short outage", "downtime", "ok"),
        ("application offline", "downtime", "ok"),
        ("will be unavailable", "downtime", "ok"),
        ("maintenance window", "downtime", "ok"),
        // Extra cost of a deployment.
        ("no additional cost", "extra-cost", "none"),
        ("no extra cost", "extra-cost", "none"),
        ("without additional cost", "extra-cost", "none"),
        ("without extra cost", "extra-cost", "none"),
        ("not cost anything extra", "extra-cost", "none"),
        ("no additional instances", "extra-cost", "none"),
        ("no extra instances", "extra-cost", "none"),
        ("avoid paying for a duplicate", "extra-cost", "none"),
        ("small additional cost", "extra-cost", "low"),
        ("bit of extra cost", "extra-cost", "low"),
        ("extra cost of the deployment low", "extra-cost", "low"),
        ("little extra cost", "extra-cost", "low"),
        ("second full fleet", "extra-cost", "high"),
        ("complete second set of instances", "extra-cost", "high"),
        ("doubling the number of instances", "extra-cost", "high"),
        // Capacity.
        ("full capacity", "capacity", "keep"),
        ("100% of capacity", "capacity", "keep"),
        ("full task count", "capacity", "keep"),
        ("full instance count", "capacity", "keep"),
        ("capacity may drop", "capacity", "may-drop"),
        ("capacity can drop", "capacity", "may-drop"),
        ("out of service in batches", "capacity", "may-drop"),
        ("not reduce capacity", "capacity", "keep"),
        ("100 percent of capacity", "capacity", "keep"),
        ("cant drop capacity", "capacity", "keep"),
        ("can't drop capacity", "capacity", "keep"),
        ("keep every instance serving", "capacity", "keep"),
        (
            "reduction in capacity is acceptable",
            "capacity",
            "may-drop",
        ),
        ("reduced capacity is acceptable", "capacity", "may-drop"),
        ("capacity drops", "capacity", "may-drop"),
        // Gradual exposure.
        ("canary", "gradual", "canary"),
        ("small percentage", "gradual", "canary"),
        ("linear", "gradual", "linear"),
        ("equal steps", "gradual", "linear"),
        ("equal increments", "gradual", "linear"),
        ("a/b", "gradual", "ab"),
        ("50/50", "gradual", "ab"),
        ("split users", "gradual", "ab"),
        // Rollback.
        ("roll back quickly", "rollback", "fast"),
        ("roll back instantly", "rollback", "fast"),
        ("roll back immediately", "rollback", "fast"),
        ("rolled back in seconds", "rollback", "fast"),
        ("rolled back quickly", "rollback", "fast"),
        ("reversible within minutes", "rollback", "fast"),
        ("reverted quickly", "rollback", "fast"),
        ("rollback must be fast", "rollback", "fast"),
        ("rollback needs to be quick", "rollback", "fast"),
        ("fast rollback", "rollback", "fast"),
        ("quick rollback", "rollback", "fast"),
        ("immediate rollback", "rollback", "fast"),
        // One version at a time.
        ("only one version", "mixed-versions", "no"),
        ("never run side by side", "mixed-versions", "no"),
        ("never see a mix", "mixed-versions", "no"),
        ("two different releases", "mixed-versions", "no"),
        // Users must not notice.
        ("not notice", "downtime", "none"),
        ("without noticing", "downtime", "none"),
        // Running two of everything.
        ("second fleet", "extra-cost", "high"),
        ("doubling the fleet", "extra-cost", "high"),
        ("double the fleet", "extra-cost", "high"),
        ("duplicate environment", "extra-cost", "high"),
        ("double the instances", "extra-cost", "high"),
        // An A/B test.
        ("a/b test", "gradual", "ab"),
        ("a/b testing", "gradual", "ab"),
        ("ab test", "gradual", "ab"),
        ("split test", "gradual", "ab"),
    ];
    for &(phrase, key, value) in PHRASES {
        for (s, e) in find_all(ws, phrase) {
            if negated(ws, s, e) {
                continue;
            }
            push(answers, text, ws, key, value, s, e);
        }
    }
    // Deployment configuration names: "CodeDeployDefault.LambdaCanary10Percent5Minutes".
    for (i, w) in ws.iter().enumerate() {
        for (prefix, platform) in [("lambda", "lambda"), ("ecs", "ecs")] {
            if let Some(rest) = w.text.strip_prefix(prefix) {
                for (kind, gradual) in [("canary", "canary"), ("linear", "linear")] {
                    if rest.starts_with(kind) {
                        push(answers, text, ws, "platform", platform, i, i + 1);
                        push(answers, text, ws, "gradual", gradual, i, i + 1);
                    }
                }
            }
        }
    }
    // "10 percent of traffic ... first", "1 percent of users, then everyone": a canary;
    // "10 percent every minute": linear.
    for i in 0..ws.len() {
        let percent =
            ws[i].text.ends_with('%') || ws.get(i + 1).is_some_and(|w| w.text == "percent");
        if !percent
            || !ws[i]
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let clause = ws[i].clause;
        let near: Vec<&str> = ws[i..]
            .iter()
            .take_while(|w| w.clause == clause)
            .take(16)
            .map(|w| w.text.as_str())
            .collect();
        let whole: Vec<&str> = ws
            .iter()
            .filter(|w| w.clause == clause)
            .map(|w| w.text.as_str())
            .collect();
        if whole
            .iter()
            .any(|w| matches!(*w, "compare" | "comparing" | "conversion" | "experiment"))
        {
            push(answers, text, ws, "gradual", "ab", i, i + 1);
        } else if near
            .iter()
            .any(|w| matches!(*w, "every" | "steps" | "increments"))
        {
            push(answers, text, ws, "gradual", "linear", i, i + 1);
        } else if near.iter().any(|w| matches!(*w, "first" | "then")) {
            push(answers, text, ws, "gradual", "canary", i, i + 1);
        }
    }
    // "If the AZ dies", "losing the us-west-2 Region", "a Region outage": a place named beside
    // a failure word.
    const FAILS: &[&str] = &[
        "fails",
        "failed",
        "failure",
        "fail",
        "dies",
        "die",
        "lost",
        "losing",
        "lose",
        "loss",
        "outage",
        "outages",
        "down",
        "dark",
        "unavailable",
        "disrupted",
        "disruption",
        "impaired",
    ];
    for (i, w) in ws.iter().enumerate() {
        let scope = match w.text.as_str() {
            "region" => "region",
            "az" => "az",
            "zone" if i > 0 && ws[i - 1].text == "availability" => "az",
            _ => continue,
        };
        let (before, after) = super::deploy::around(ws, i, 3, 3);
        if super::deploy::any_of(&before, FAILS) || super::deploy::any_of(&after, FAILS) {
            push(answers, text, ws, "scope", scope, i, i + 1);
        }
    }
    // Two Region codes in one text: it is about another Region.
    let codes: Vec<usize> = (0..ws.len())
        .filter(|&i| super::super::ask::tokens::is_region_code(&ws[i].text))
        .collect();
    if codes.len() >= 2 {
        push(answers, text, ws, "scope", "region", codes[0], codes[0] + 1);
    }
    // "in a single Region ... the loss of one [Availability Zone]": the zone is what to survive.
    let single_region = find_all(ws, "single region").len() + find_all(ws, "one region").len() > 0;
    if single_region {
        answers.retain(|r| !(r.key == "scope" && r.value == "region"));
    }
    // Replicated for another purpose: "not for disaster recovery".
    if !find_all(ws, "not for disaster recovery").is_empty() {
        answers.retain(|r| r.key != "scope");
    }
}

/// Whether the clause negates the phrase at `s..e`: "is not a problem", "not required",
/// "avoid" (for phrases that are not themselves negative).
pub(super) fn negated(ws: &[W], s: usize, e: usize) -> bool {
    let clause = ws[s].clause;
    let after: Vec<&str> = ws[e..]
        .iter()
        .take_while(|w| w.clause == clause)
        .take(6)
        .map(|w| w.text.as_str())
        .collect();
    let joined = after.join(" ");
    joined.contains("is not a problem")
        || joined.contains("is not required")
        || joined.contains("is not needed")
}
