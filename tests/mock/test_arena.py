"""Arena: profiles, follows, posts with cursor pages and filters, votes, threaded comments, the leaderboard."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from heytraders_mock import MockConfig, create_app

from .conftest import Key, Mock

BACKTEST: dict[str, Any] = {
    "script": 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))',
    "universe": ["BINANCE:BTC/USDT"],
    "start_date": "2025-01-01",
    "end_date": "2025-06-30",
    "description": "RSI oversold bounce on BTC",
}


def with_profile(mock: Mock, name: str = "Arena Bot") -> Key:
    key = mock.key()
    profile = mock.ok("POST", "/arena/agents", key, json={"display_name": name, "risk_profile": "moderate"})
    assert profile["agent_id"] == key.agent_id and profile["post_count"] == 0
    return key


def seeded_agent(mock: Mock) -> str:
    return str(mock.ok("GET", "/arena/posts", params={"period": "all"})["posts"][0]["author"]["agent_id"])


def test_profile_register_get_patch_and_public_page(mock: Mock) -> None:
    key = with_profile(mock)
    mock.error("POST", "/arena/agents", 409, "ALREADY_REGISTERED", key, json={"display_name": "Again"})
    updated = mock.ok("PATCH", "/arena/profile", key, json={"description": "Mean reversion on majors."})
    assert updated["description"] == "Mean reversion on majors." and updated["display_name"] == "Arena Bot"
    assert mock.ok("GET", "/arena/profile", key) == updated
    assert mock.ok("GET", f"/arena/agents/{key.agent_id}") == updated  # public, no key
    mock.error("PATCH", "/arena/profile", 400, "VALIDATION_ERROR", key, json={})
    mock.error("GET", "/arena/agents/agt_nobody", 404, "NOT_FOUND")


def test_a_key_without_a_profile_is_not_found(mock: Mock) -> None:
    key = mock.key()
    mock.error("GET", "/arena/profile", 404, "NOT_FOUND", key)
    mock.error("POST", "/arena/posts", 404, "NOT_FOUND", key, json={"category": "market_talk", "title": "Hi"})
    mock.error("GET", "/arena/profile/subscriptions", 404, "NOT_FOUND", key)


def test_follow_unfollow_and_list(mock: Mock) -> None:
    key = with_profile(mock)
    other = seeded_agent(mock)
    before = mock.ok("GET", f"/arena/agents/{other}")["follower_count"]
    follow = mock.ok("POST", f"/arena/agents/{other}/subscribe", key)
    assert follow == {"agent_id": other, "following": True, "follower_count": before + 1}
    assert mock.ok("POST", f"/arena/agents/{other}/subscribe", key) == follow  # idempotent
    assert [p["agent_id"] for p in mock.ok("GET", "/arena/profile/subscriptions", key)] == [other]
    assert mock.ok("GET", "/arena/profile", key)["following_count"] == 1
    unfollow = mock.ok("DELETE", f"/arena/agents/{other}/unsubscribe", key)
    assert unfollow == {"agent_id": other, "following": False, "follower_count": before}
    mock.error("POST", f"/arena/agents/{key.agent_id}/subscribe", 400, "VALIDATION_ERROR", key)
    mock.error("POST", "/arena/agents/agt_nobody/subscribe", 404, "NOT_FOUND", key)


def test_posts_page_by_cursor(mock: Mock) -> None:
    key = with_profile(mock)
    for index in range(5):
        mock.ok(
            "POST", "/arena/posts", key, json={"category": "market_talk", "title": f"Post {index}", "tags": ["BTC"]}
        )
    seen: list[str] = []
    params: dict[str, Any] = {"sort": "new", "period": "all", "limit": 3}
    while True:
        page = mock.ok("GET", "/arena/posts", params=params)
        seen += [post["post_id"] for post in page["posts"]]
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    assert len(seen) == len(set(seen)) == 13  # 8 seeded + 5 new
    created = [
        p["created_at"]
        for p in mock.ok("GET", "/arena/posts", params={"sort": "new", "period": "all", "limit": 50})["posts"]
    ]
    assert created == sorted(created, reverse=True)
    wrong = {"sort": "top", "period": "all", "cursor": params["cursor"]}
    assert mock.error("GET", "/arena/posts", 400, "VALIDATION_ERROR", params=wrong)["details"]["parameter"] == "cursor"
    mock.error("GET", "/arena/posts", 400, "VALIDATION_ERROR", params={"cursor": "not-base64!"})


def _cursor(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def test_cursors_are_stateless_and_a_bare_position_fits_any_filters(mock: Mock) -> None:
    everything = {"sort": "new", "period": "all", "limit": 50}
    posts = [p["post_id"] for p in mock.ok("GET", "/arena/posts", params=everything)["posts"]]
    first = mock.ok("GET", "/arena/posts", params={"sort": "new", "period": "all", "limit": 3})
    # An issued cursor names its position and filters, so another fresh sandbox (same seed) reads it too.
    other = Mock(create_app(MockConfig(seed=0)))
    rest = other.ok("GET", "/arena/posts", params={**everything, "cursor": first["next_cursor"]})
    other.http.close()
    assert [p["post_id"] for p in rest["posts"]] == posts[3:]
    # A cursor without filters is a bare position: valid with any filters (the spec's example is one).
    for params in ({"sort": "new", "period": "all"}, {"sort": "top", "category": "strategy_ideas", "period": "30d"}):
        page = mock.ok("GET", "/arena/posts", params={**params, "limit": 50, "cursor": _cursor({"o": 2})})
        assert page["posts"] == mock.ok("GET", "/arena/posts", params={**params, "limit": 50})["posts"][2:]


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64!",
        _cursor({"o": 2}) + "=",  # padding is not part of the alphabet
        _cursor([2]),
        _cursor({"offset": 2}),
        _cursor({"o": -1}),
        _cursor({"o": "2"}),
        _cursor({"o": True}),
        _cursor({"o": 2, "x": 1}),
        _cursor({"o": 2, "f": {"sort": "top"}}),  # issued for other filters
        base64.urlsafe_b64encode(b"\xff\xfe").decode().rstrip("="),
    ],
)
def test_a_cursor_that_is_not_one_is_a_validation_error_naming_cursor(mock: Mock, cursor: str) -> None:
    error = mock.error("GET", "/arena/posts", 400, "VALIDATION_ERROR", params={"cursor": cursor})
    assert error["details"]["parameter"] == "cursor"


def test_post_filters(mock: Mock) -> None:
    key = with_profile(mock)
    mine = mock.ok("POST", "/arena/posts", key, json={"category": "show_tell", "title": "Mine", "content": "Hello"})
    by_me = mock.ok("GET", "/arena/posts", params={"author_agent_id": key.agent_id})["posts"]
    assert [p["post_id"] for p in by_me] == [mine["post_id"]]
    talk = mock.ok("GET", "/arena/posts", params={"category": "market_talk", "period": "all", "limit": 50})["posts"]
    assert talk and all(p["category"] == "market_talk" for p in talk)
    day = mock.ok("GET", "/arena/posts", params={"period": "24h", "limit": 50})["posts"]
    week = mock.ok("GET", "/arena/posts", params={"period": "7d", "limit": 50})["posts"]
    assert 0 < len(day) < len(week)
    top = mock.ok("GET", "/arena/posts", params={"sort": "top", "period": "all", "limit": 50})["posts"]
    assert [p["score"] for p in top] == sorted((p["score"] for p in top), reverse=True)
    error = mock.error("POST", "/arena/posts", 400, "VALIDATION_ERROR", key, json={"category": "memes", "title": "x"})
    assert error["details"]["parameter"] == "category"


def test_the_same_vote_again_withdraws_it(mock: Mock) -> None:
    key = with_profile(mock)
    post = mock.ok("POST", "/arena/posts", key, json={"category": "market_talk", "title": "Vote on me"})
    path = f"/arena/posts/{post['post_id']}/votes"
    assert mock.ok("POST", path, key, json={"vote_type": 1}) == {
        "post_id": post["post_id"],
        "my_vote": 1,
        "upvotes": 1,
        "downvotes": 0,
        "score": 1,
    }
    assert mock.ok("POST", path, key, json={"vote_type": -1})["my_vote"] == -1  # the other way replaces it
    withdrawn = mock.ok("POST", path, key, json={"vote_type": -1})
    assert withdrawn["my_vote"] is None and withdrawn["score"] == 0
    mock.ok("POST", path, key, json={"vote_type": 1})
    assert mock.ok("GET", f"/arena/posts/{post['post_id']}", key)["my_vote"] == 1
    assert "my_vote" not in mock.ok("GET", f"/arena/posts/{post['post_id']}")
    mock.error("POST", path, 400, "VALIDATION_ERROR", key, json={"vote_type": 2})
    mock.error("POST", "/arena/posts/post_nothing/votes", 404, "NOT_FOUND", key, json={"vote_type": 1})


def test_comments_thread_by_parent_id(mock: Mock) -> None:
    key = with_profile(mock)
    other = with_profile(mock, "Other Bot")
    post = mock.ok("POST", "/arena/posts", key, json={"category": "strategy_ideas", "title": "Thread"})
    path = f"/arena/posts/{post['post_id']}/comments"
    top = mock.ok("POST", path, other, json={"content": "First!"})
    reply = mock.ok("POST", path, key, json={"content": "Thanks", "parent_id": top["comment_id"]})
    assert top["parent_id"] is None and reply["parent_id"] == top["comment_id"]
    mock.advance(1)
    nested = mock.ok("POST", path, other, json={"content": "Welcome", "parent_id": reply["comment_id"]})
    page = mock.ok("GET", path, params={"limit": 2})
    assert [c["comment_id"] for c in page["comments"]] == [top["comment_id"], reply["comment_id"]]
    rest = mock.ok("GET", path, params={"limit": 2, "cursor": page["next_cursor"]})
    assert [c["comment_id"] for c in rest["comments"]] == [nested["comment_id"]] and rest["next_cursor"] is None
    detail = mock.ok("GET", f"/arena/posts/{post['post_id']}")
    assert detail["comment_count"] == 3 and len(detail["comments"]) == 3
    seeded = mock.ok("GET", "/arena/posts", params={"period": "all", "limit": 50})["posts"]
    foreign = next(p for p in seeded if p["comment_count"])
    foreign_comment = mock.ok("GET", f"/arena/posts/{foreign['post_id']}/comments")["comments"][0]
    error = mock.error(
        "POST", path, 404, "NOT_FOUND", key, json={"content": "x", "parent_id": foreign_comment["comment_id"]}
    )
    assert "Comment" in error["message"]
    mock.error("GET", "/arena/posts/post_nothing/comments", 404, "NOT_FOUND")


def completed(mock: Mock, key: Key, **fields: Any) -> tuple[str, str]:
    job = mock.ok("POST", "/backtest/execute", key, json={**BACKTEST, **fields})
    mock.advance(10)
    status = mock.ok("GET", f"/backtest/status/{job['backtest_id']}", key)
    return str(job["backtest_id"]), str(status["result_id"])


def test_leaderboard_registration_and_its_errors(mock: Mock) -> None:
    key = with_profile(mock)
    _, result_id = completed(mock, key)
    entry = mock.ok("POST", "/arena/strategies/register", key, json={"backtest_summary_id": result_id})
    assert entry["rank"] is None and entry["name"] == BACKTEST["description"] and entry["num_trades"] >= 10
    board = mock.ok("GET", "/arena/leaderboard")
    assert [e["rank"] for e in board] == list(range(1, len(board) + 1))
    assert entry["strategy_id"] in {e["strategy_id"] for e in board}
    mock.error(
        "POST", "/arena/strategies/register", 409, "ALREADY_REGISTERED", key, json={"backtest_summary_id": result_id}
    )

    mock.error(
        "POST", "/arena/strategies/register", 404, "BACKTEST_NOT_FOUND", key, json={"backtest_summary_id": "res_no"}
    )
    running = mock.ok("POST", "/backtest/execute", key, json=BACKTEST)["backtest_id"]
    mock.error("POST", "/arena/strategies/register", 404, "NO_BACKTEST", key, json={"backtest_summary_id": running})

    _, short = completed(mock, key, end_date="2025-01-20")  # 19 days
    gate = mock.error(
        "POST", "/arena/strategies/register", 422, "QUALITY_GATE", key, json={"backtest_summary_id": short}
    )
    assert gate["details"]["period_days"] == 19
    _, few = completed(mock, key, timeframe="1d", end_date="2025-03-01")  # 60 daily candles: 3 trades
    gate = mock.error("POST", "/arena/strategies/register", 422, "QUALITY_GATE", key, json={"backtest_summary_id": few})
    assert gate["details"]["num_trades"] < 10

    stranger = with_profile(mock, "Stranger")
    mock.error("DELETE", f"/arena/strategies/{entry['strategy_id']}/unregister", 403, "NOT_OWNER", stranger)
    gone = mock.ok("DELETE", f"/arena/strategies/{entry['strategy_id']}/unregister", key)
    assert gone == {"strategy_id": entry["strategy_id"], "unregistered": True}
    mock.error("DELETE", f"/arena/strategies/{entry['strategy_id']}/unregister", 404, "NOT_REGISTERED", key)


def test_a_post_can_link_a_backtest(mock: Mock) -> None:
    key = with_profile(mock)
    _, result_id = completed(mock, key)
    post = mock.ok(
        "POST",
        "/arena/posts",
        key,
        json={"category": "show_tell", "title": "My result", "strategy_settings_id": result_id},
    )
    metrics = mock.ok("GET", f"/backtest/results/{result_id}/metrics", key)
    assert post["strategy_summary"]["total_return_pct"] == metrics["total_return_pct"]
    body = {"category": "show_tell", "title": "Bad link", "strategy_settings_id": "res_nothing"}
    mock.error("POST", "/arena/posts", 404, "BACKTEST_NOT_FOUND", key, json=body)
    assert mock.ok("GET", "/arena/profile", key)["post_count"] == 1
