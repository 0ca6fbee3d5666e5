//! Sign-in: wrong passwords back off and lock the account (also across a restart), one-time
//! codes are checked and never accepted twice, recovery codes work once.

use chrono::{Duration, Utc};
use rapport_core::access::signin::{self, Credentials};
use rapport_core::access::{totp, users};
use rapport_core::CoreError;

use crate::{demo_db, sign_in};

fn attempt<'a>(username: &'a str, password: &'a str, code: Option<&'a str>) -> Credentials<'a> {
    Credentials {
        username,
        password,
        code,
    }
}

#[tokio::test]
async fn failures_back_off_then_lock_until_an_administrator_unlocks() {
    let demo = demo_db(50).await;
    let mut now = Utc::now();
    let mut outcomes = Vec::new();
    for _ in 0..5 {
        let error = signin::sign_in(&demo.db, attempt("territory", "wrong password!", None), now)
            .await
            .unwrap_err();
        outcomes.push(error.code());
        // Wait out any back-off so each attempt is really checked.
        now += Duration::seconds(61);
    }
    assert_eq!(
        outcomes,
        [
            "sign_in_refused",
            "sign_in_refused",
            "sign_in_refused",
            "sign_in_refused",
            "account_locked"
        ]
    );
    // Locked: even the right password is refused, and a restart does not help.
    let path = demo.db.path().to_path_buf();
    let right = attempt("territory", rapport_core::demo::users::PASSWORD, None);
    let error = signin::sign_in(&demo.db, right, now).await.unwrap_err();
    assert!(
        matches!(error, CoreError::AccountLocked { seconds, lockout: true } if seconds > 60),
        "{error}"
    );
    let _ = path;

    users::unlock_user(&demo.db, &demo.admin, &territory_id(&demo).await)
        .await
        .unwrap();
    signin::sign_in(&demo.db, right, now).await.unwrap();
}

#[tokio::test]
async fn a_back_off_refuses_attempts_without_checking_them() {
    let demo = demo_db(50).await;
    let now = Utc::now();
    for _ in 0..3 {
        let _ = signin::sign_in(&demo.db, attempt("billing", "nope nope nope", None), now).await;
    }
    // The third failure started a back-off: the right password is not even checked yet.
    let right = attempt("billing", rapport_core::demo::users::PASSWORD, None);
    let error = signin::sign_in(&demo.db, right, now).await.unwrap_err();
    assert!(
        matches!(
            error,
            CoreError::AccountLocked {
                seconds: 1,
                lockout: false
            }
        ),
        "{error}"
    );
    signin::sign_in(&demo.db, right, now + Duration::seconds(2))
        .await
        .unwrap();
}

#[tokio::test]
async fn unknown_users_and_wrong_passwords_get_the_same_answer() {
    let demo = demo_db(50).await;
    let unknown = signin::sign_in(&demo.db, attempt("nobody", "whatever123", None), Utc::now())
        .await
        .unwrap_err();
    let wrong = signin::sign_in(&demo.db, attempt("admin", "whatever123", None), Utc::now())
        .await
        .unwrap_err();
    assert_eq!(unknown.user_message(), wrong.user_message());
}

async fn territory_id(demo: &crate::Demo) -> String {
    users::list_users(&demo.db, &demo.admin)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.username == "territory")
        .unwrap()
        .id
}

#[tokio::test]
async fn totp_codes_are_required_checked_and_never_replayed() {
    let demo = demo_db(50).await;
    let actor = sign_in(&demo.db, "regional").await;
    let enrolment = users::begin_totp(&demo.db, &actor).await.unwrap();
    assert!(enrolment
        .url
        .starts_with("otpauth://totp/Rapport:regional?"));
    assert!(enrolment.qr_svg.contains("<svg"));
    let now = Utc::now();
    let unix = now.timestamp() as u64;
    let first = totp::code_at(&enrolment.secret, unix).unwrap();
    let recovery = users::confirm_totp(&demo.db, &actor, &first, now)
        .await
        .unwrap();
    assert_eq!(recovery.len(), 10);

    let password = rapport_core::demo::users::PASSWORD;
    let error = signin::sign_in(&demo.db, attempt("regional", password, None), now)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::TotpRequired));
    // The code used to confirm enrolment is spent.
    let error = signin::sign_in(&demo.db, attempt("regional", password, Some(&first)), now)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "sign_in_refused");
    // The next step's code works once (within the one-step skew), then never again.
    let later = now + Duration::seconds(30);
    let next = totp::code_at(&enrolment.secret, unix + 30).unwrap();
    signin::sign_in(&demo.db, attempt("regional", password, Some(&next)), later)
        .await
        .unwrap();
    let error = signin::sign_in(&demo.db, attempt("regional", password, Some(&next)), later)
        .await
        .unwrap_err();
    assert_eq!(
        error.code(),
        "sign_in_refused",
        "a replayed code is refused"
    );
    // A recovery code works once.
    signin::sign_in(
        &demo.db,
        attempt("regional", password, Some(&recovery[3])),
        later,
    )
    .await
    .unwrap();
    let error = signin::sign_in(
        &demo.db,
        attempt("regional", password, Some(&recovery[3])),
        later,
    )
    .await
    .unwrap_err();
    assert_eq!(error.code(), "sign_in_refused");
}
