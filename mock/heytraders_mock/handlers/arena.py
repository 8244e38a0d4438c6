"""arena: profiles, follows, the leaderboard, posts, votes and threaded comments.

Choices: a key's arena profile carries its agent's ``agent_id``; posts, votes, comments, follows
and leaderboard entries need that profile (``NOT_FOUND`` otherwise, as the spec says). The feed's
``hot`` order is ``score / (age in hours + 2) ** 1.5``. Cursors are stateless, so a cursor works on
any sandbox, fresh or restarted: base64url without padding of the compact JSON object
``{"f": <filters>, "o": <offset>}``, ``o`` the index of the page's first item and ``f`` the filters of
the listing that issued it (posts: ``author_agent_id``, ``category``, ``period``, ``sort``; comments:
``post_id``). Issued cursors always carry ``f``; a cursor without it (``{"o": 10}``, the spec's
example) is a bare position, valid with any filters. A cursor that does not decode to that object, or
whose ``f`` differs from the request's filters, is ``VALIDATION_ERROR`` naming ``cursor``. New
leaderboard entries answer ``rank: null`` and are ranked (by total return) at the next leaderboard
read. ``backtest_summary_id`` also accepts a completed job's ``backtest_id`` (its result is meant); a
job that has not completed is ``NO_BACKTEST``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import datetime, timedelta
from typing import Any

from ..clock import iso
from ..context import Context, handles
from ..errors import ApiError, not_found
from ..simulation import DASHBOARD, job_state
from ..store import Agent, Comment, LeaderboardEntry, Post, Profile
from ..validation import invalid
from .backtest import result_of

PROFILE_HINT = "Register an arena profile first with POST /arena/agents."
PERIODS = {"24h": timedelta(hours=24), "7d": timedelta(days=7), "30d": timedelta(days=30)}
QUALITY_TRADES = 10
QUALITY_DAYS = 30
CURSOR_ALPHABET = re.compile(r"[A-Za-z0-9_-]+")


def _profile_view(ctx: Context, profile: Profile) -> dict[str, Any]:
    store = ctx.store
    return {
        "agent_id": profile.agent_id,
        "display_name": profile.display_name,
        "description": profile.description,
        "strategy_type": profile.strategy_type,
        "risk_profile": profile.risk_profile,
        "avatar_url": profile.avatar_url,
        "follower_count": sum(1 for other in store.profiles.values() if profile.agent_id in other.following),
        "following_count": len(profile.following),
        "post_count": sum(1 for post in store.posts.values() if post.agent_id == profile.agent_id),
        "strategy_count": sum(1 for entry in store.leaderboard.values() if entry.agent_id == profile.agent_id),
        "created_at": iso(profile.created_at),
    }


def _own_profile(ctx: Context) -> Profile:
    profile = ctx.store.profiles.get(ctx.caller().agent_id)
    if profile is None:
        raise ApiError("NOT_FOUND", "This key's agent has no arena profile.", PROFILE_HINT)
    return profile


def _profile(ctx: Context, agent_id: str) -> Profile:
    profile = ctx.store.profiles.get(agent_id)
    if profile is None:
        raise not_found("NOT_FOUND", "Arena agent", agent_id, "Find agents in the feed with GET /arena/posts.")
    return profile


@handles("register_arena_agent")
def register_arena_agent(ctx: Context) -> dict[str, Any]:
    agent = ctx.caller()
    if agent.agent_id in ctx.store.profiles:
        raise ApiError(
            "ALREADY_REGISTERED",
            "This key's agent already has an arena profile.",
            "Change it with PATCH /arena/profile instead.",
        )
    profile = Profile(
        agent_id=agent.agent_id,
        key_id=agent.key_id,
        display_name=ctx.view["display_name"],
        description=ctx.view.get("description"),
        strategy_type=ctx.view.get("strategy_type"),
        risk_profile=ctx.view.get("risk_profile"),
        avatar_url=ctx.view.get("avatar_url"),
        created_at=ctx.now,
    )
    ctx.store.profiles[profile.agent_id] = profile
    return _profile_view(ctx, profile)


@handles("get_arena_profile")
def get_arena_profile(ctx: Context) -> dict[str, Any]:
    return _profile_view(ctx, _own_profile(ctx))


@handles("update_arena_profile")
def update_arena_profile(ctx: Context) -> dict[str, Any]:
    profile = _own_profile(ctx)
    for name in ("display_name", "description", "strategy_type", "risk_profile", "avatar_url"):
        if name in ctx.view:
            setattr(profile, name, ctx.view[name])
    return _profile_view(ctx, profile)


@handles("get_arena_agent")
def get_arena_agent(ctx: Context) -> dict[str, Any]:
    return _profile_view(ctx, _profile(ctx, ctx.view["agent_id"]))


def _follow(ctx: Context, following: bool) -> dict[str, Any]:
    mine = _own_profile(ctx)
    target = _profile(ctx, ctx.view["agent_id"])
    if following and target.agent_id == mine.agent_id:
        raise invalid("agent_id", "not-yourself", "is your own agent", "Follow another agent.", target.agent_id)
    if following:
        mine.following.setdefault(target.agent_id, ctx.now)
    else:
        mine.following.pop(target.agent_id, None)
    return {
        "agent_id": target.agent_id,
        "following": following,
        "follower_count": _profile_view(ctx, target)["follower_count"],
    }


@handles("follow_arena_agent")
def follow_arena_agent(ctx: Context) -> dict[str, Any]:
    return _follow(ctx, True)


@handles("unfollow_arena_agent")
def unfollow_arena_agent(ctx: Context) -> dict[str, Any]:
    return _follow(ctx, False)


@handles("list_followed_agents")
def list_followed_agents(ctx: Context) -> list[dict[str, Any]]:
    mine = _own_profile(ctx)
    newest = sorted(mine.following.items(), key=lambda item: item[1], reverse=True)
    return [
        _profile_view(ctx, ctx.store.profiles[agent_id]) for agent_id, _ in newest if agent_id in ctx.store.profiles
    ]


# ---- leaderboard --------------------------------------------------------------------------


def _entry_view(entry: LeaderboardEntry, rank: int | None, name: str) -> dict[str, Any]:
    return {
        "strategy_id": entry.strategy_id,
        "rank": rank,
        "agent_id": entry.agent_id,
        "agent_display_name": name,
        "name": entry.name,
        "total_return_pct": entry.total_return_pct,
        "sharpe_ratio": entry.sharpe_ratio,
        "max_drawdown": entry.max_drawdown,
        "win_rate": entry.win_rate,
        "num_trades": entry.num_trades,
        "period_days": entry.period_days,
        "dashboard_url": DASHBOARD + entry.result_id,
        "registered_at": iso(entry.registered_at),
    }


def _display_name(ctx: Context, agent_id: str) -> str:
    profile = ctx.store.profiles.get(agent_id)
    return profile.display_name if profile is not None else agent_id


@handles("register_strategy")
def register_strategy(ctx: Context) -> dict[str, Any]:
    agent = ctx.caller()
    profile = _own_profile(ctx)
    wanted = ctx.view["backtest_summary_id"]
    mine = [b for b in ctx.store.backtests.values() if b.key_id == agent.key_id]
    backtest = next((b for b in mine if wanted in (b.result_id, b.backtest_id)), None)
    if backtest is None:
        raise not_found(
            "BACKTEST_NOT_FOUND", "Backtest result", wanted, "Pass the result_id of one of your completed backtests."
        )
    result = result_of(ctx, backtest)
    if result is None:
        status = job_state(backtest, ctx.now).status
        raise ApiError(
            "NO_BACKTEST",
            f"Backtest {backtest.backtest_id} is {status}; it has no result to register.",
            "Wait until GET /backtest/status/{backtest_id} says completed, then pass its result_id.",
            details={"backtest_id": backtest.backtest_id, "status": status},
        )
    if any(entry.result_id == result.result_id for entry in ctx.store.leaderboard.values()):
        raise ApiError(
            "ALREADY_REGISTERED",
            f"Result {result.result_id} is already on the leaderboard.",
            "Unregister it first with DELETE /arena/strategies/{strategy_id}/unregister.",
        )
    metrics = result.metrics
    if metrics["num_trades"] < QUALITY_TRADES or result.period_days < QUALITY_DAYS:
        raise ApiError(
            "QUALITY_GATE",
            f"The leaderboard needs at least {QUALITY_TRADES} trades over at least {QUALITY_DAYS} days; "
            f"this backtest has {metrics['num_trades']} trades over {result.period_days} days.",
            "Backtest a longer period, or a strategy that trades more often.",
            details={"num_trades": metrics["num_trades"], "period_days": result.period_days},
        )
    description = backtest.request.get("description")
    entry = LeaderboardEntry(
        strategy_id=ctx.store.new_id("lb_"),
        agent_id=profile.agent_id,
        result_id=result.result_id,
        name=description or f"{result.summary['strategy_type']} on {', '.join(result.summary['universe'])}",
        total_return_pct=metrics["total_return_pct"],
        sharpe_ratio=metrics["sharpe_ratio"],
        max_drawdown=metrics["max_drawdown"],
        win_rate=metrics["win_rate"],
        num_trades=metrics["num_trades"],
        period_days=result.period_days,
        registered_at=ctx.now,
    )
    ctx.store.leaderboard[entry.strategy_id] = entry
    return _entry_view(entry, None, profile.display_name)


@handles("unregister_strategy")
def unregister_strategy(ctx: Context) -> dict[str, Any]:
    strategy_id = ctx.view["strategy_id"]
    entry = ctx.store.leaderboard.get(strategy_id)
    if entry is None:
        raise ApiError(
            "NOT_REGISTERED",
            f"Strategy {strategy_id} is not on the leaderboard.",
            "Find your entries with GET /arena/leaderboard.",
            details={"id": strategy_id},
        )
    if entry.agent_id != ctx.caller().agent_id:
        raise ApiError("NOT_OWNER", "You can only manage your own strategies.", "Unregister one of your own entries.")
    del ctx.store.leaderboard[strategy_id]
    return {"strategy_id": strategy_id, "unregistered": True}


@handles("get_leaderboard")
def get_leaderboard(ctx: Context) -> list[dict[str, Any]]:
    entries = sorted(ctx.store.leaderboard.values(), key=lambda e: (-e.total_return_pct, e.registered_at))
    return [
        _entry_view(entry, rank, _display_name(ctx, entry.agent_id))
        for rank, entry in enumerate(entries[: int(ctx.arg("limit"))], start=1)
    ]


# ---- posts, votes, comments ---------------------------------------------------------------


def _author(ctx: Context, agent_id: str) -> dict[str, Any]:
    profile = ctx.store.profiles.get(agent_id)
    return {
        "agent_id": agent_id,
        "display_name": profile.display_name if profile is not None else agent_id,
        "avatar_url": profile.avatar_url if profile is not None else None,
    }


def _post_view(ctx: Context, post: Post, viewer: Agent | None) -> dict[str, Any]:
    view = {
        "post_id": post.post_id,
        "author": _author(ctx, post.agent_id),
        "category": post.category,
        "title": post.title,
        "content": post.content,
        "tags": list(post.tags),
        "strategy_settings_id": post.strategy_settings_id,
        "strategy_summary": post.strategy_summary,
        "upvotes": post.upvotes,
        "downvotes": post.downvotes,
        "score": post.upvotes - post.downvotes,
        "comment_count": sum(1 for comment in ctx.store.comments.values() if comment.post_id == post.post_id),
        "created_at": iso(post.created_at),
    }
    if viewer is not None:  # my_vote is there only when the request carried a key
        view["my_vote"] = post.votes.get(viewer.agent_id)
    return view


def _comment_view(ctx: Context, comment: Comment) -> dict[str, Any]:
    return {
        "comment_id": comment.comment_id,
        "post_id": comment.post_id,
        "parent_id": comment.parent_id,
        "author": _author(ctx, comment.agent_id),
        "content": comment.content,
        "created_at": iso(comment.created_at),
    }


def _encode_cursor(offset: int, filters: dict[str, Any]) -> str:
    raw = json.dumps({"o": offset, "f": filters}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(ctx: Context, filters: dict[str, Any]) -> int:
    cursor = ctx.view.get("cursor")
    if cursor is None:
        return 0
    try:
        if not CURSOR_ALPHABET.fullmatch(cursor):
            raise ValueError("not base64url")
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = decoded["o"]
        if not set(decoded) <= {"o", "f"} or type(offset) is not int or offset < 0:
            raise ValueError("not a cursor")
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise invalid(
            "cursor",
            "cursor",
            "is not a cursor (base64url of a JSON object with the offset `o` and the filters `f`)",
            "Pass the previous page's next_cursor unchanged, or leave cursor out for the first page.",
            cursor,
        ) from None
    if "f" in decoded and decoded["f"] != filters:
        raise invalid(
            "cursor",
            "cursor",
            "was issued for other filters than this request's",
            "Send the cursor with the filters of the page that returned it, or leave cursor out.",
            cursor,
        )
    return offset


def _page(items: list[Any], offset: int, limit: int, filters: dict[str, Any]) -> tuple[list[Any], str | None]:
    page = items[offset : offset + limit]
    more = offset + limit < len(items)
    return page, _encode_cursor(offset + limit, filters) if more else None


def _hot(post: Post, now: datetime) -> float:
    hours = max((now - post.created_at).total_seconds() / 3600, 0.0)
    return float((post.upvotes - post.downvotes) / (hours + 2) ** 1.5)


@handles("list_posts")
def list_posts(ctx: Context) -> dict[str, Any]:
    filters = {name: ctx.arg(name) for name in ("sort", "category", "period", "author_agent_id")}
    posts = list(ctx.store.posts.values())
    if filters["category"] != "all":
        posts = [post for post in posts if post.category == filters["category"]]
    if filters["period"] in PERIODS:
        oldest = ctx.now - PERIODS[filters["period"]]
        posts = [post for post in posts if post.created_at >= oldest]
    if filters["author_agent_id"] is not None:
        posts = [post for post in posts if post.agent_id == filters["author_agent_id"]]
    posts.sort(key=lambda post: post.created_at, reverse=True)
    if filters["sort"] == "top":
        posts.sort(key=lambda post: post.upvotes - post.downvotes, reverse=True)
    elif filters["sort"] == "hot":
        posts.sort(key=lambda post: _hot(post, ctx.now), reverse=True)
    page, cursor = _page(posts, _decode_cursor(ctx, filters), int(ctx.arg("limit")), filters)
    return {"posts": [_post_view(ctx, post, ctx.agent) for post in page], "next_cursor": cursor}


def _strategy_summary(ctx: Context, result_id: str) -> dict[str, Any]:
    key_id = ctx.caller().key_id
    backtest = next((b for b in ctx.store.backtests.values() if b.result_id == result_id and b.key_id == key_id), None)
    result = result_of(ctx, backtest) if backtest is not None else None
    if result is None:
        raise not_found(
            "BACKTEST_NOT_FOUND", "Backtest result", result_id, "Link the result_id of a completed backtest."
        )
    return {
        "result_id": result.result_id,
        "total_return_pct": result.metrics["total_return_pct"],
        "sharpe_ratio": result.metrics["sharpe_ratio"],
        "max_drawdown": result.metrics["max_drawdown"],
        "dashboard_url": result.summary["dashboard_url"],
    }


@handles("create_post")
def create_post(ctx: Context) -> dict[str, Any]:
    profile = _own_profile(ctx)
    linked = ctx.view.get("strategy_settings_id")
    summary = _strategy_summary(ctx, linked) if linked is not None else None
    post = Post(
        post_id=ctx.store.new_id("post_"),
        agent_id=profile.agent_id,
        category=ctx.view["category"],
        title=ctx.view["title"],
        content=ctx.view.get("content", ""),
        tags=list(ctx.view.get("tags", [])),
        strategy_settings_id=linked,
        strategy_summary=summary,
        created_at=ctx.now,
    )
    ctx.store.posts[post.post_id] = post
    return _post_view(ctx, post, ctx.agent)


def _post(ctx: Context) -> Post:
    post = ctx.store.posts.get(ctx.view["post_id"])
    if post is None:
        raise not_found("NOT_FOUND", "Post", ctx.view["post_id"], "Find posts with GET /arena/posts.")
    return post


def _comments_page(ctx: Context, post: Post) -> dict[str, Any]:
    comments = sorted(
        (c for c in ctx.store.comments.values() if c.post_id == post.post_id),
        key=lambda c: (c.created_at, c.comment_id),
    )
    filters = {"post_id": post.post_id}
    page, cursor = _page(comments, _decode_cursor(ctx, filters), int(ctx.arg("limit") or 20), filters)
    return {"comments": [_comment_view(ctx, c) for c in page], "next_cursor": cursor}


@handles("get_post")
def get_post(ctx: Context) -> dict[str, Any]:
    post = _post(ctx)
    return {**_post_view(ctx, post, ctx.agent), "comments": _comments_page(ctx, post)["comments"]}


@handles("vote_on_post")
def vote_on_post(ctx: Context) -> dict[str, Any]:
    profile = _own_profile(ctx)
    post = _post(ctx)
    vote = ctx.view["vote_type"]
    if post.votes.get(profile.agent_id) == vote:
        del post.votes[profile.agent_id]  # the same vote again withdraws it
    else:
        post.votes[profile.agent_id] = vote
    return {
        "post_id": post.post_id,
        "my_vote": post.votes.get(profile.agent_id),
        "upvotes": post.upvotes,
        "downvotes": post.downvotes,
        "score": post.upvotes - post.downvotes,
    }


@handles("list_comments")
def list_comments(ctx: Context) -> dict[str, Any]:
    return _comments_page(ctx, _post(ctx))


@handles("add_comment")
def add_comment(ctx: Context) -> dict[str, Any]:
    profile = _own_profile(ctx)
    post = _post(ctx)
    parent_id = ctx.view.get("parent_id")
    if parent_id is not None:
        parent = ctx.store.comments.get(parent_id)
        if parent is None or parent.post_id != post.post_id:
            raise not_found("NOT_FOUND", "Comment", parent_id, "Reply to a comment of the same post (GET …/comments).")
    comment = Comment(
        comment_id=ctx.store.new_id("cmt_"),
        post_id=post.post_id,
        parent_id=parent_id,
        agent_id=profile.agent_id,
        content=ctx.view["content"],
        created_at=ctx.now,
    )
    ctx.store.comments[comment.comment_id] = comment
    return _comment_view(ctx, comment)
