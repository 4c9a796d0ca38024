//! Filtering and sorting the limits table (used by the limits browser; pure and testable).

use super::kb::KnowledgeBase;
use super::query::fold;
use super::schema::{Entry, Verdict};

/// A column of the limits table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    /// Service title.
    #[default]
    Service,
    /// Limit title.
    Limit,
    /// Current value (numeric where the value starts with a number).
    Value,
    /// What the notes said.
    Notes,
    /// Adjustable or not.
    Adjustable,
    /// Checked date.
    Checked,
}

/// How to show the table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LimitFilter {
    /// Words that must each appear in the service, limit, value or notes' value.
    pub text: String,
    /// Only this service (entry id).
    pub service: Option<String>,
    /// Only limits whose value changed since the notes.
    pub changed_only: bool,
    /// Sort column.
    pub sort: Column,
    /// Sort descending.
    pub descending: bool,
}

/// The limits that pass the filter, sorted; ties keep service, then limit order.
pub fn filter_limits<'a>(kb: &'a KnowledgeBase, filter: &LimitFilter) -> Vec<&'a Entry> {
    let words: Vec<String> = filter.text.split_whitespace().map(fold).collect();
    let mut rows: Vec<&Entry> = kb
        .limits()
        .into_iter()
        .filter(|e| {
            let Some(f) = &e.limit else { return false };
            if filter.service.as_deref().is_some_and(|s| s != f.service) {
                return false;
            }
            if filter.changed_only && f.verdict != Verdict::Changed {
                return false;
            }
            let hay = fold(&format!(
                "{} {} {} {} {}",
                kb.service_title(e),
                e.title,
                f.value,
                f.unit,
                f.notes_value.as_deref().unwrap_or("")
            ));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect();
    let key = |e: &Entry| -> (Option<u64>, String) {
        let f = e.limit.as_ref().expect("filtered to limits");
        match filter.sort {
            Column::Service => (None, fold(kb.service_title(e))),
            Column::Limit => (None, fold(&e.title)),
            Column::Value => (leading_number(&f.value), fold(&f.value)),
            Column::Notes => (None, fold(f.notes_value.as_deref().unwrap_or(""))),
            Column::Adjustable => (None, f.adjustable.as_str().to_owned()),
            Column::Checked => (None, f.source.checked.clone().unwrap_or_default()),
        }
    };
    rows.sort_by(|a, b| {
        let (ka, kb_) = (key(a), key(b));
        // Numbers sort numerically and before text.
        let ord = match (ka.0, kb_.0) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => ka.1.cmp(&kb_.1),
        };
        if filter.descending {
            ord.reverse()
        } else {
            ord
        }
    });
    rows
}

/// The number a value starts with, ignoring thousands separators: `2,000 stacks` → 2000.
pub fn leading_number(value: &str) -> Option<u64> {
    let digits: String = value
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_ignore_separators() {
        assert_eq!(leading_number("2,000"), Some(2000));
        assert_eq!(leading_number("15 for MySQL"), Some(15));
        assert_eq!(leading_number("about 5 min"), None);
    }

    #[test]
    fn filters_and_sorts_the_builtin_limits() {
        let kb = KnowledgeBase::builtin();
        let all = filter_limits(&kb, &LimitFilter::default());
        assert_eq!(all.len(), kb.limits().len());
        let changed = filter_limits(
            &kb,
            &LimitFilter {
                changed_only: true,
                ..Default::default()
            },
        );
        assert!(!changed.is_empty() && changed.len() < all.len());
        let cfn = filter_limits(
            &kb,
            &LimitFilter {
                service: Some("cloudformation".into()),
                ..Default::default()
            },
        );
        assert!(
            cfn.iter()
                .all(|e| e.limit.as_ref().unwrap().service == "cloudformation")
        );
        let by_value = filter_limits(
            &kb,
            &LimitFilter {
                sort: Column::Value,
                ..Default::default()
            },
        );
        let numbers: Vec<u64> = by_value
            .iter()
            .filter_map(|e| leading_number(&e.limit.as_ref().unwrap().value))
            .collect();
        assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{numbers:?}");
        let desc = filter_limits(
            &kb,
            &LimitFilter {
                sort: Column::Value,
                descending: true,
                ..Default::default()
            },
        );
        let numbers: Vec<u64> = desc
            .iter()
            .filter_map(|e| leading_number(&e.limit.as_ref().unwrap().value))
            .collect();
        assert!(numbers.windows(2).all(|w| w[0] >= w[1]), "{numbers:?}");
        let text = filter_limits(
            &kb,
            &LimitFilter {
                text: "stacks region".into(),
                ..Default::default()
            },
        );
        assert!(
            text.iter()
                .any(|e| e.id == "cloudformation-stacks-per-region")
        );
    }
}
