# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""What the client needs to know of each operation: its route, its parameters' schemas and its request rules.

The runtime validates every call against these before anything is sent.
"""

from __future__ import annotations

from ._operation import OperationSpec, ParamSpec, RuleSpec

# ---- meta ------------------------------------------------------------------

REGISTER_AGENT = OperationSpec(
    operation_id="register_agent",
    method="POST",
    path="/meta/register",
    params=(
        ParamSpec("display_name", "body", True, {"type": "string", "minLength": 1, "maxLength": 50}),
        ParamSpec("description", "body", False, {"type": "string", "maxLength": 500}),
        ParamSpec("strategy_type", "body", False, {"type": "string", "maxLength": 50}),
        ParamSpec(
            "risk_profile", "body", False, {"type": "string", "enum": ["conservative", "moderate", "aggressive"]}
        ),
    ),
    public=True,
)

REQUEST_CLAIM = OperationSpec(
    operation_id="request_claim",
    method="POST",
    path="/meta/request-claim",
    params=(
        ParamSpec("display_name", "body", True, {"type": "string", "minLength": 1, "maxLength": 50}),
        ParamSpec("description", "body", False, {"type": "string", "maxLength": 500}),
    ),
)

GET_MY_AGENT = OperationSpec(
    operation_id="get_my_agent",
    method="GET",
    path="/meta/agents/me",
    params=(),
)

LIST_MARKETS = OperationSpec(
    operation_id="list_markets",
    method="GET",
    path="/meta/markets",
    params=(),
    public=True,
)

LIST_INDICATORS = OperationSpec(
    operation_id="list_indicators",
    method="GET",
    path="/meta/indicators",
    params=(),
)

CHECK_HEALTH = OperationSpec(
    operation_id="check_health",
    method="GET",
    path="/meta/health",
    params=(),
    public=True,
)

GET_CAPABILITIES = OperationSpec(
    operation_id="get_capabilities",
    method="GET",
    path="/meta/capabilities",
    params=(),
)

# ---- market ----------------------------------------------------------------

LIST_SYMBOLS = OperationSpec(
    operation_id="list_symbols",
    method="GET",
    path="/market/symbols",
    params=(
        ParamSpec(
            "exchange",
            "query",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec("market_type", "query", False, {"type": "string", "enum": ["spot", "perpetual", "prediction"]}),
        ParamSpec("category", "query", False, {"type": "string", "minLength": 1}),
        ParamSpec("sector", "query", False, {"type": "string", "minLength": 1}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 500}),
    ),
    rules=(
        RuleSpec(
            id="polymarket-is-prediction-only",
            parameter="market_type",
            description="Polymarket markets are prediction markets.",
            if_={"required": ["exchange", "market_type"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"market_type": {"const": "prediction"}}},
        ),
        RuleSpec(
            id="perpetual-only-exchanges",
            parameter="market_type",
            description=(
                "Binance USD-M, Hyperliquid, Lighter and Gate Futures trade perpetuals only (Hyperliquid has no spot)."
            ),
            if_={
                "required": ["exchange", "market_type"],
                "properties": {"exchange": {"enum": ["binancefuturesusd", "hyperliquid", "lighter", "gatefutures"]}},
            },
            then={"properties": {"market_type": {"const": "perpetual"}}},
        ),
        RuleSpec(
            id="spot-only-exchanges",
            parameter="market_type",
            description="Binance, Upbit and Gate.io trade spot only.",
            if_={
                "required": ["exchange", "market_type"],
                "properties": {"exchange": {"enum": ["binance", "upbit", "gate"]}},
            },
            then={"properties": {"market_type": {"const": "spot"}}},
        ),
    ),
    public=True,
)

LIST_TICKERS = OperationSpec(
    operation_id="list_tickers",
    method="GET",
    path="/market/tickers",
    params=(
        ParamSpec(
            "exchange",
            "query",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec("market_type", "query", False, {"type": "string", "enum": ["spot", "perpetual", "prediction"]}),
        ParamSpec("category", "query", False, {"type": "string", "minLength": 1}),
        ParamSpec("sector", "query", False, {"type": "string", "minLength": 1}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 500}),
    ),
    rules=(
        RuleSpec(
            id="polymarket-is-prediction-only",
            parameter="market_type",
            description="Polymarket markets are prediction markets.",
            if_={"required": ["exchange", "market_type"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"market_type": {"const": "prediction"}}},
        ),
        RuleSpec(
            id="perpetual-only-exchanges",
            parameter="market_type",
            description=(
                "Binance USD-M, Hyperliquid, Lighter and Gate Futures trade perpetuals only (Hyperliquid has no spot)."
            ),
            if_={
                "required": ["exchange", "market_type"],
                "properties": {"exchange": {"enum": ["binancefuturesusd", "hyperliquid", "lighter", "gatefutures"]}},
            },
            then={"properties": {"market_type": {"const": "perpetual"}}},
        ),
        RuleSpec(
            id="spot-only-exchanges",
            parameter="market_type",
            description="Binance, Upbit and Gate.io trade spot only.",
            if_={
                "required": ["exchange", "market_type"],
                "properties": {"exchange": {"enum": ["binance", "upbit", "gate"]}},
            },
            then={"properties": {"market_type": {"const": "spot"}}},
        ),
    ),
    public=True,
)

GET_TICKER = OperationSpec(
    operation_id="get_ticker",
    method="GET",
    path="/market/ticker",
    params=(
        ParamSpec(
            "symbol",
            "query",
            True,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
        ParamSpec(
            "exchange",
            "query",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
    ),
    rules=(
        RuleSpec(
            id="polymarket-symbol-is-token-id",
            parameter="symbol",
            description="On Polymarket, `symbol` is the numeric token ID (a long digit string), never a slug or URL.",
            if_={"required": ["exchange"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"symbol": {"pattern": "^[0-9]{10,}$"}}},
        ),
    ),
)

GET_TICKERS = OperationSpec(
    operation_id="get_tickers",
    method="POST",
    path="/market/ticker",
    params=(
        ParamSpec(
            "symbols",
            "body",
            True,
            {
                "type": "array",
                "minItems": 1,
                "maxItems": 20,
                "items": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
                },
            },
        ),
        ParamSpec(
            "exchange",
            "body",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
    ),
    rules=(
        RuleSpec(
            id="polymarket-symbols-are-token-ids",
            parameter="symbols",
            description="On Polymarket each symbol is the numeric token ID (a long digit string), never a slug.",
            if_={"required": ["exchange", "symbols"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"symbols": {"items": {"pattern": "^[0-9]{10,}$"}}}},
        ),
    ),
)

GET_FUNDING_RATES = OperationSpec(
    operation_id="get_funding_rates",
    method="GET",
    path="/market/funding-rates",
    params=(
        ParamSpec("exchange", "query", True, {"type": "string", "enum": ["hyperliquid", "lighter"]}),
        ParamSpec(
            "symbol",
            "query",
            False,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
    ),
)

GET_OHLCV = OperationSpec(
    operation_id="get_ohlcv",
    method="GET",
    path="/market/ohlcv",
    params=(
        ParamSpec(
            "symbol",
            "query",
            True,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
        ParamSpec(
            "exchange",
            "query",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec(
            "timeframe",
            "query",
            False,
            {"type": "string", "enum": ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"]},
        ),
        ParamSpec("start", "query", False, {"type": "string", "format": "date-time"}),
        ParamSpec("end", "query", False, {"type": "string", "format": "date-time"}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 1000}),
    ),
    rules=(
        RuleSpec(
            id="polymarket-symbol-is-token-id",
            parameter="symbol",
            description="On Polymarket, `symbol` is the numeric token ID (a long digit string), never a slug or URL.",
            if_={"required": ["exchange"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"symbol": {"pattern": "^[0-9]{10,}$"}}},
        ),
        RuleSpec(
            id="ohlcv-start-not-after-end",
            parameter="start",
            description="`start` must not fall after `end`.",
            if_={"required": ["start", "end"]},
            then={},
            order=("/start", "/end"),
            strict=False,
        ),
    ),
)

EVALUATE_EXPRESSION = OperationSpec(
    operation_id="evaluate_expression",
    method="POST",
    path="/market/evaluate",
    params=(
        ParamSpec("expression", "body", True, {"type": "string", "minLength": 1, "maxLength": 2000}),
        ParamSpec(
            "symbol",
            "body",
            True,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
        ParamSpec(
            "exchange",
            "body",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec(
            "timeframe",
            "body",
            False,
            {"type": "string", "enum": ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"]},
        ),
    ),
    rules=(
        RuleSpec(
            id="polymarket-symbol-is-token-id",
            parameter="symbol",
            description="On Polymarket, `symbol` is the numeric token ID (a long digit string), never a slug or URL.",
            if_={"required": ["exchange"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"symbol": {"pattern": "^[0-9]{10,}$"}}},
        ),
    ),
)

SCAN_MARKET = OperationSpec(
    operation_id="scan_market",
    method="POST",
    path="/market/scan",
    params=(
        ParamSpec(
            "universe",
            "body",
            True,
            {
                "oneOf": [
                    {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 500,
                        "items": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 100,
                            "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
                        },
                    },
                    {"type": "string", "pattern": "^top[0-9]+$"},
                ]
            },
        ),
        ParamSpec("condition", "body", True, {"type": "string", "minLength": 1, "maxLength": 2000}),
        ParamSpec(
            "exchange",
            "body",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec(
            "timeframe",
            "body",
            False,
            {"type": "string", "enum": ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"]},
        ),
    ),
    rules=(
        RuleSpec(
            id="polymarket-universe-is-token-ids",
            parameter="universe",
            description=(
                "On Polymarket each symbol of a universe list is the numeric token ID (a long digit string), "
                "never a slug."
            ),
            if_={
                "required": ["exchange", "universe"],
                "properties": {"exchange": {"const": "polymarket"}, "universe": {"type": "array"}},
            },
            then={"properties": {"universe": {"items": {"pattern": "^[0-9]{10,}$"}}}},
        ),
    ),
)

RANK_MARKET = OperationSpec(
    operation_id="rank_market",
    method="POST",
    path="/market/rank",
    params=(
        ParamSpec(
            "universe",
            "body",
            True,
            {
                "oneOf": [
                    {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 500,
                        "items": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 100,
                            "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
                        },
                    },
                    {"type": "string", "pattern": "^top[0-9]+$"},
                ]
            },
        ),
        ParamSpec("expression", "body", True, {"type": "string", "minLength": 1, "maxLength": 2000}),
        ParamSpec(
            "exchange",
            "body",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec(
            "timeframe",
            "body",
            False,
            {"type": "string", "enum": ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"]},
        ),
        ParamSpec("order", "body", False, {"type": "string", "enum": ["asc", "desc"]}),
        ParamSpec("limit", "body", False, {"type": "integer", "minimum": 1, "maximum": 100}),
    ),
    rules=(
        RuleSpec(
            id="polymarket-universe-is-token-ids",
            parameter="universe",
            description=(
                "On Polymarket each symbol of a universe list is the numeric token ID (a long digit string), "
                "never a slug."
            ),
            if_={
                "required": ["exchange", "universe"],
                "properties": {"exchange": {"const": "polymarket"}, "universe": {"type": "array"}},
            },
            then={"properties": {"universe": {"items": {"pattern": "^[0-9]{10,}$"}}}},
        ),
    ),
)

# ---- accounts --------------------------------------------------------------

LIST_ACCOUNTS = OperationSpec(
    operation_id="list_accounts",
    method="GET",
    path="/accounts",
    params=(),
)

GET_ACCOUNT = OperationSpec(
    operation_id="get_account",
    method="GET",
    path="/accounts/{account_id}",
    params=(ParamSpec("account_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

GET_ACCOUNT_BALANCES = OperationSpec(
    operation_id="get_account_balances",
    method="GET",
    path="/accounts/{account_id}/balances",
    params=(
        ParamSpec("account_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec(
            "symbol",
            "query",
            False,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
    ),
    rules=(
        RuleSpec(
            id="balances-symbol-is-polymarket-only",
            parameter="symbol",
            description="The single-market `symbol` query is for Polymarket accounts only.",
            if_={"required": ["symbol", "exchange"]},
            then={"properties": {"exchange": {"const": "polymarket"}}},
        ),
        RuleSpec(
            id="balances-symbol-is-token-id",
            parameter="symbol",
            description="On Polymarket, `symbol` is the numeric token ID, never a slug.",
            if_={"required": ["symbol"]},
            then={"properties": {"symbol": {"pattern": "^[0-9]{10,}$"}}},
        ),
    ),
)

LIST_OPEN_ORDERS = OperationSpec(
    operation_id="list_open_orders",
    method="GET",
    path="/accounts/{account_id}/open-orders",
    params=(
        ParamSpec("account_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec(
            "symbol",
            "query",
            False,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
    ),
    rules=(
        RuleSpec(
            id="lighter-open-orders-need-symbol",
            parameter="symbol",
            description="Lighter needs `symbol` to list open orders.",
            if_={"required": ["exchange"], "properties": {"exchange": {"const": "lighter"}}},
            then={"required": ["symbol"]},
        ),
    ),
)

# ---- orders ----------------------------------------------------------------

LIST_ORDERS = OperationSpec(
    operation_id="list_orders",
    method="GET",
    path="/orders",
    params=(
        ParamSpec("account_id", "query", False, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec(
            "symbol",
            "query",
            False,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
        ParamSpec("status", "query", False, {"type": "string", "minLength": 1}),
        ParamSpec(
            "exchange",
            "query",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 200}),
        ParamSpec("offset", "query", False, {"type": "integer", "minimum": 0}),
    ),
)

PLACE_ORDER = OperationSpec(
    operation_id="place_order",
    method="POST",
    path="/orders",
    params=(
        ParamSpec("account_id", "body", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec(
            "exchange",
            "body",
            True,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec(
            "symbol",
            "body",
            True,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
        ParamSpec("side", "body", True, {"type": "string", "enum": ["buy", "sell"]}),
        ParamSpec(
            "order_type",
            "body",
            False,
            {
                "type": "string",
                "enum": [
                    "market",
                    "limit",
                    "stop_loss",
                    "take_profit",
                    "stop_loss_limit",
                    "take_profit_limit",
                    "GTC",
                    "FOK",
                ],
            },
        ),
        ParamSpec("time_in_force", "body", False, {"type": "string", "enum": ["GTC", "IOC", "FOK", "PostOnly"]}),
        ParamSpec(
            "amount",
            "body",
            True,
            {
                "type": ["string", "number"],
                "format": "decimal",
                "pattern": "^(0*[1-9][0-9]*(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$",
                "if": {"type": "number"},
                "then": {"exclusiveMinimum": 0},
            },
        ),
        ParamSpec(
            "price",
            "body",
            False,
            {
                "type": ["string", "number"],
                "format": "decimal",
                "pattern": "^(0*[1-9][0-9]*(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$",
                "if": {"type": "number"},
                "then": {"exclusiveMinimum": 0},
            },
        ),
        ParamSpec(
            "stop_price",
            "body",
            False,
            {
                "type": ["string", "number"],
                "format": "decimal",
                "pattern": "^(0*[1-9][0-9]*(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$",
                "if": {"type": "number"},
                "then": {"exclusiveMinimum": 0},
            },
        ),
        ParamSpec("market_type", "body", False, {"type": "string", "enum": ["spot", "perpetual", "prediction"]}),
        ParamSpec("leverage", "body", False, {"type": "integer", "minimum": 1, "maximum": 125}),
        ParamSpec("label", "body", False, {"type": "string", "minLength": 1, "maxLength": 100}),
    ),
    rules=(
        RuleSpec(
            id="limit-orders-need-price",
            parameter="price",
            description="`price` is required for limit, stop_loss_limit, take_profit_limit, GTC and FOK orders.",
            if_={
                "required": ["order_type"],
                "properties": {"order_type": {"enum": ["limit", "stop_loss_limit", "take_profit_limit", "GTC", "FOK"]}},
            },
            then={"required": ["price"]},
        ),
        RuleSpec(
            id="stop-orders-need-stop-price",
            parameter="stop_price",
            description=(
                "`stop_price` (the trigger) is required for stop_loss, take_profit, stop_loss_limit and "
                "take_profit_limit orders."
            ),
            if_={
                "required": ["order_type"],
                "properties": {
                    "order_type": {"enum": ["stop_loss", "take_profit", "stop_loss_limit", "take_profit_limit"]}
                },
            },
            then={"required": ["stop_price"]},
        ),
        RuleSpec(
            id="polymarket-symbol-is-token-id",
            parameter="symbol",
            description="On Polymarket, `symbol` is the numeric token ID (a long digit string), never a slug or URL.",
            if_={"required": ["exchange"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"symbol": {"pattern": "^[0-9]{10,}$"}}},
        ),
        RuleSpec(
            id="polymarket-price-is-probability",
            parameter="price",
            description="On Polymarket, `price` is a probability between 0 and 1.",
            if_={"required": ["exchange", "price"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"price": {"pattern": "^(0(\\.[0-9]+)?|1(\\.0+)?)$"}}},
        ),
        RuleSpec(
            id="polymarket-order-types",
            parameter="order_type",
            description="Polymarket takes the order types market, GTC and FOK.",
            if_={"required": ["exchange", "order_type"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"order_type": {"enum": ["market", "GTC", "FOK"]}}},
        ),
        RuleSpec(
            id="polymarket-is-prediction-only",
            parameter="market_type",
            description="Polymarket markets are prediction markets.",
            if_={"required": ["exchange", "market_type"], "properties": {"exchange": {"const": "polymarket"}}},
            then={"properties": {"market_type": {"const": "prediction"}}},
        ),
        RuleSpec(
            id="perpetual-only-exchanges",
            parameter="market_type",
            description=(
                "Binance USD-M, Hyperliquid, Lighter and Gate Futures trade perpetuals only (Hyperliquid has no spot)."
            ),
            if_={
                "required": ["exchange", "market_type"],
                "properties": {"exchange": {"enum": ["binancefuturesusd", "hyperliquid", "lighter", "gatefutures"]}},
            },
            then={"properties": {"market_type": {"const": "perpetual"}}},
        ),
        RuleSpec(
            id="spot-only-exchanges",
            parameter="market_type",
            description="Binance, Upbit and Gate.io trade spot only.",
            if_={
                "required": ["exchange", "market_type"],
                "properties": {"exchange": {"enum": ["binance", "upbit", "gate"]}},
            },
            then={"properties": {"market_type": {"const": "spot"}}},
        ),
        RuleSpec(
            id="leverage-is-perpetual-only",
            parameter="leverage",
            description="`leverage` applies to perpetual markets only.",
            if_={"required": ["leverage"]},
            then={
                "properties": {
                    "exchange": {"enum": ["binancefuturesusd", "hyperliquid", "lighter", "gatefutures"]},
                    "market_type": {"const": "perpetual"},
                }
            },
        ),
        RuleSpec(
            id="upbit-quotes-in-krw",
            parameter="symbol",
            description="Upbit markets are quoted in KRW (`BTC/KRW`).",
            if_={"required": ["exchange"], "properties": {"exchange": {"const": "upbit"}}},
            then={"properties": {"symbol": {"pattern": "^[A-Z0-9][A-Z0-9._-]*/KRW$"}}},
        ),
        RuleSpec(
            id="symbol-is-base-quote",
            parameter="symbol",
            description="Outside Polymarket, `symbol` is `BASE/QUOTE` (or `BASE/QUOTE:SETTLE` for a perpetual).",
            if_={"required": ["exchange"], "properties": {"exchange": {"not": {"const": "polymarket"}}}},
            then={"properties": {"symbol": {"pattern": "^[A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?$"}}},
        ),
    ),
    places_order=True,
)

GET_ORDER = OperationSpec(
    operation_id="get_order",
    method="GET",
    path="/orders/{order_id}",
    params=(ParamSpec("order_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

CANCEL_ORDER = OperationSpec(
    operation_id="cancel_order",
    method="DELETE",
    path="/orders/{order_id}",
    params=(
        ParamSpec("order_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec(
            "exchange",
            "query",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec(
            "symbol",
            "query",
            False,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
        ParamSpec("account_id", "query", False, {"type": "string", "minLength": 1, "maxLength": 128}),
    ),
    rules=(
        RuleSpec(
            id="exchange-native-cancel-needs-all-three",
            parameter="account_id",
            description=(
                "To cancel an order placed outside the API, pass `exchange`, `symbol` and `account_id` together."
            ),
            if_={"anyOf": [{"required": ["symbol"]}, {"required": ["account_id"]}]},
            then={"required": ["exchange", "symbol", "account_id"]},
        ),
        RuleSpec(
            id="lighter-cancels-by-exchange-order-id",
            parameter="order_id",
            description=(
                "Lighter orders are cancelled by their numeric `exchange_order_id`, not the `api-…` internal ID."
            ),
            if_={"required": ["exchange"], "properties": {"exchange": {"const": "lighter"}}},
            then={"properties": {"order_id": {"pattern": "^[0-9]+$"}}},
        ),
    ),
)

# ---- backtest --------------------------------------------------------------

EXECUTE_BACKTEST = OperationSpec(
    operation_id="execute_backtest",
    method="POST",
    path="/backtest/execute",
    params=(
        ParamSpec(
            "strategy_type", "body", False, {"type": "string", "enum": ["signal", "dca", "grid", "pair_trading"]}
        ),
        ParamSpec("script", "body", False, {"type": "string", "minLength": 1}),
        ParamSpec(
            "universe",
            "body",
            True,
            {
                "type": "array",
                "minItems": 1,
                "maxItems": 50,
                "items": {"type": "string", "pattern": "^[A-Z][A-Z0-9]*:[A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?$"},
            },
        ),
        ParamSpec("start_date", "body", True, {"type": "string", "format": "date"}),
        ParamSpec("end_date", "body", True, {"type": "string", "format": "date"}),
        ParamSpec("description", "body", False, {"type": ["string", "null"], "minLength": 10, "maxLength": 500}),
        ParamSpec(
            "exchange",
            "body",
            False,
            {
                "type": "string",
                "enum": [
                    "binance",
                    "binancefuturesusd",
                    "upbit",
                    "hyperliquid",
                    "lighter",
                    "polymarket",
                    "gate",
                    "gatefutures",
                ],
            },
        ),
        ParamSpec(
            "timeframe",
            "body",
            False,
            {"type": "string", "enum": ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"]},
        ),
        ParamSpec("initial_cash", "body", False, {"type": "number", "format": "decimal", "exclusiveMinimum": 0}),
        ParamSpec("leverage", "body", False, {"type": "number", "minimum": 1.0, "maximum": 100.0}),
        ParamSpec("trading_fee", "body", False, {"type": "number", "minimum": 0, "maximum": 1}),
        ParamSpec("slippage", "body", False, {"type": "number", "minimum": 0, "maximum": 1}),
        ParamSpec("stop_loss", "body", False, {"type": ["number", "null"], "exclusiveMinimum": 0}),
        ParamSpec("take_profit", "body", False, {"type": ["number", "null"], "exclusiveMinimum": 0}),
        ParamSpec("mode", "body", False, {"type": "string", "enum": ["isolated", "cross"]}),
        ParamSpec(
            "dca",
            "body",
            False,
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["amount_per_order", "interval"],
                "properties": {
                    "amount_per_order": {
                        "type": ["string", "number"],
                        "format": "decimal",
                        "pattern": "^(0*[1-9][0-9]*(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$",
                        "if": {"type": "number"},
                        "then": {"exclusiveMinimum": 0},
                    },
                    "interval": {"type": "string", "enum": ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"]},
                },
            },
        ),
        ParamSpec(
            "grid",
            "body",
            False,
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["lower_price", "upper_price", "grid_count"],
                "properties": {
                    "lower_price": {
                        "type": ["string", "number"],
                        "format": "decimal",
                        "pattern": "^(0*[1-9][0-9]*(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$",
                        "if": {"type": "number"},
                        "then": {"exclusiveMinimum": 0},
                    },
                    "upper_price": {
                        "type": ["string", "number"],
                        "format": "decimal",
                        "pattern": "^(0*[1-9][0-9]*(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$",
                        "if": {"type": "number"},
                        "then": {"exclusiveMinimum": 0},
                    },
                    "grid_count": {"type": "integer", "minimum": 2, "maximum": 200},
                },
            },
        ),
        ParamSpec(
            "pair_trading",
            "body",
            False,
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["lookback", "entry_zscore", "exit_zscore"],
                "properties": {
                    "lookback": {"type": "integer", "minimum": 10, "maximum": 1000},
                    "entry_zscore": {"type": "number", "exclusiveMinimum": 0},
                    "exit_zscore": {"type": "number", "minimum": 0},
                },
            },
        ),
    ),
    rules=(
        RuleSpec(
            id="backtest-end-after-start",
            parameter="end_date",
            description="`end_date` must fall after `start_date`.",
            if_={"required": ["start_date", "end_date"]},
            then={},
            order=("/start_date", "/end_date"),
        ),
        RuleSpec(
            id="grid-lower-below-upper",
            parameter="grid.upper_price",
            description="A grid's `upper_price` must be above its `lower_price`.",
            if_={"required": ["grid"]},
            then={},
            order=("/grid/lower_price", "/grid/upper_price"),
        ),
        RuleSpec(
            id="pair-exit-below-entry",
            parameter="pair_trading.exit_zscore",
            description="A pair trade's `exit_zscore` must be below its `entry_zscore`.",
            if_={"required": ["pair_trading"]},
            then={},
            order=("/pair_trading/exit_zscore", "/pair_trading/entry_zscore"),
        ),
        RuleSpec(
            id="signal-needs-script",
            parameter="script",
            description="A `signal` backtest (the default strategy type) needs a `script`.",
            if_={
                "anyOf": [
                    {"not": {"required": ["strategy_type"]}},
                    {"required": ["strategy_type"], "properties": {"strategy_type": {"const": "signal"}}},
                ]
            },
            then={"required": ["script"]},
        ),
        RuleSpec(
            id="dca-needs-parameters",
            parameter="dca",
            description="A `dca` backtest needs the `dca` parameters.",
            if_={"required": ["strategy_type"], "properties": {"strategy_type": {"const": "dca"}}},
            then={"required": ["dca"]},
        ),
        RuleSpec(
            id="grid-needs-parameters",
            parameter="grid",
            description="A `grid` backtest needs the `grid` parameters.",
            if_={"required": ["strategy_type"], "properties": {"strategy_type": {"const": "grid"}}},
            then={"required": ["grid"]},
        ),
        RuleSpec(
            id="pair-trading-needs-parameters",
            parameter="pair_trading",
            description="A `pair_trading` backtest needs the `pair_trading` parameters.",
            if_={"required": ["strategy_type"], "properties": {"strategy_type": {"const": "pair_trading"}}},
            then={"required": ["pair_trading"]},
        ),
    ),
)

GET_BACKTEST_STATUS = OperationSpec(
    operation_id="get_backtest_status",
    method="GET",
    path="/backtest/status/{backtest_id}",
    params=(ParamSpec("backtest_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

CANCEL_BACKTEST = OperationSpec(
    operation_id="cancel_backtest",
    method="POST",
    path="/backtest/cancel/{backtest_id}",
    params=(ParamSpec("backtest_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

GET_BACKTEST_RESULT = OperationSpec(
    operation_id="get_backtest_result",
    method="GET",
    path="/backtest/results/{result_id}",
    params=(ParamSpec("result_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

GET_BACKTEST_METRICS = OperationSpec(
    operation_id="get_backtest_metrics",
    method="GET",
    path="/backtest/results/{result_id}/metrics",
    params=(ParamSpec("result_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

GET_BACKTEST_PER_TICKER = OperationSpec(
    operation_id="get_backtest_per_ticker",
    method="GET",
    path="/backtest/results/{result_id}/per-ticker",
    params=(ParamSpec("result_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

LIST_BACKTEST_TRADES = OperationSpec(
    operation_id="list_backtest_trades",
    method="GET",
    path="/backtest/results/{result_id}/trades",
    params=(
        ParamSpec("result_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 1000}),
        ParamSpec("offset", "query", False, {"type": "integer", "minimum": 0}),
    ),
)

GET_BACKTEST_EQUITY = OperationSpec(
    operation_id="get_backtest_equity",
    method="GET",
    path="/backtest/results/{result_id}/equity",
    params=(ParamSpec("result_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

GET_BACKTEST_ANALYSIS = OperationSpec(
    operation_id="get_backtest_analysis",
    method="GET",
    path="/backtest/results/{result_id}/analysis",
    params=(ParamSpec("result_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

# ---- live-strategies -------------------------------------------------------

LIST_LIVE_STRATEGIES = OperationSpec(
    operation_id="list_live_strategies",
    method="GET",
    path="/live-strategies",
    params=(),
)

SUBSCRIBE_TO_STRATEGY = OperationSpec(
    operation_id="subscribe_to_strategy",
    method="POST",
    path="/live-strategies/{strategy_id}/subscribe",
    params=(
        ParamSpec("strategy_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("mode", "body", False, {"type": "string", "enum": ["signal", "trade"]}),
        ParamSpec("account_id", "body", False, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec(
            "webhook",
            "body",
            False,
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["url"],
                "properties": {
                    "url": {"type": "string", "format": "uri", "maxLength": 2048},
                    "secret": {"type": "string", "minLength": 16, "maxLength": 256},
                    "events": {
                        "type": "array",
                        "items": {"type": "string", "enum": ["signal", "error", "strategy_stopped"]},
                        "minItems": 1,
                        "maxItems": 3,
                        "uniqueItems": True,
                    },
                },
            },
        ),
    ),
    rules=(
        RuleSpec(
            id="trade-mode-needs-account",
            parameter="account_id",
            description=(
                "A trade-mode subscription executes orders, so it needs the `account_id` of a linked exchange account."
            ),
            if_={"properties": {"mode": {"const": "trade"}}, "required": ["mode"]},
            then={"required": ["account_id"]},
        ),
    ),
)

LIST_SUBSCRIPTIONS = OperationSpec(
    operation_id="list_subscriptions",
    method="GET",
    path="/live-strategies/subscriptions",
    params=(),
)

GET_SUBSCRIPTION = OperationSpec(
    operation_id="get_subscription",
    method="GET",
    path="/live-strategies/subscriptions/{subscription_id}",
    params=(ParamSpec("subscription_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

UNSUBSCRIBE_FROM_STRATEGY = OperationSpec(
    operation_id="unsubscribe_from_strategy",
    method="POST",
    path="/live-strategies/subscriptions/{subscription_id}/unsubscribe",
    params=(ParamSpec("subscription_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

PAUSE_SUBSCRIPTION = OperationSpec(
    operation_id="pause_subscription",
    method="POST",
    path="/live-strategies/{strategy_id}/pause/{subscription_id}",
    params=(
        ParamSpec("strategy_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("subscription_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
    ),
)

RESUME_SUBSCRIPTION = OperationSpec(
    operation_id="resume_subscription",
    method="POST",
    path="/live-strategies/{strategy_id}/resume/{subscription_id}",
    params=(
        ParamSpec("strategy_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("subscription_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
    ),
)

CONFIGURE_WEBHOOK = OperationSpec(
    operation_id="configure_webhook",
    method="PUT",
    path="/live-strategies/subscriptions/{subscription_id}/webhook",
    params=(
        ParamSpec("subscription_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("url", "body", True, {"type": "string", "format": "uri", "maxLength": 2048}),
        ParamSpec("secret", "body", False, {"type": "string", "minLength": 16, "maxLength": 256}),
        ParamSpec(
            "events",
            "body",
            False,
            {
                "type": "array",
                "items": {"type": "string", "enum": ["signal", "error", "strategy_stopped"]},
                "minItems": 1,
                "maxItems": 3,
                "uniqueItems": True,
            },
        ),
    ),
)

DELETE_WEBHOOK = OperationSpec(
    operation_id="delete_webhook",
    method="DELETE",
    path="/live-strategies/subscriptions/{subscription_id}/webhook",
    params=(ParamSpec("subscription_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

TEST_WEBHOOK = OperationSpec(
    operation_id="test_webhook",
    method="POST",
    path="/live-strategies/webhooks/test",
    params=(
        ParamSpec("url", "body", True, {"type": "string", "format": "uri", "maxLength": 2048}),
        ParamSpec("secret", "body", False, {"type": "string", "minLength": 16, "maxLength": 256}),
        ParamSpec("event", "body", False, {"type": "string", "enum": ["signal", "error", "strategy_stopped"]}),
    ),
)

LIST_SIGNALS = OperationSpec(
    operation_id="list_signals",
    method="GET",
    path="/live-strategies/subscriptions/{subscription_id}/signals",
    params=(
        ParamSpec("subscription_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec(
            "symbol",
            "query",
            False,
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "pattern": "^([A-Z0-9][A-Z0-9._-]*/[A-Z0-9]+(:[A-Z0-9]+)?|[0-9]{10,100})$",
            },
        ),
        ParamSpec("side", "query", False, {"type": "string", "enum": ["long", "short", "close"]}),
        ParamSpec("start_date", "query", False, {"type": "string", "format": "date"}),
        ParamSpec("end_date", "query", False, {"type": "string", "format": "date"}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 500}),
    ),
    rules=(
        RuleSpec(
            id="signals-start-not-after-end",
            parameter="start_date",
            description="`start_date` must not fall after `end_date`.",
            if_={"required": ["start_date", "end_date"]},
            then={},
            order=("/start_date", "/end_date"),
            strict=False,
        ),
    ),
)

GET_LATEST_SIGNALS = OperationSpec(
    operation_id="get_latest_signals",
    method="GET",
    path="/live-strategies/subscriptions/{subscription_id}/signals/latest",
    params=(
        ParamSpec("subscription_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("since", "query", False, {"type": "string", "format": "date-time"}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
    ),
)

# ---- arena -----------------------------------------------------------------

REGISTER_ARENA_AGENT = OperationSpec(
    operation_id="register_arena_agent",
    method="POST",
    path="/arena/agents",
    params=(
        ParamSpec("display_name", "body", True, {"type": "string", "minLength": 1, "maxLength": 50}),
        ParamSpec("description", "body", False, {"type": "string", "maxLength": 500}),
        ParamSpec("strategy_type", "body", False, {"type": "string", "minLength": 1, "maxLength": 50}),
        ParamSpec(
            "risk_profile", "body", False, {"type": "string", "enum": ["conservative", "moderate", "aggressive"]}
        ),
        ParamSpec("avatar_url", "body", False, {"type": "string", "format": "uri"}),
    ),
)

GET_ARENA_PROFILE = OperationSpec(
    operation_id="get_arena_profile",
    method="GET",
    path="/arena/profile",
    params=(),
)

UPDATE_ARENA_PROFILE = OperationSpec(
    operation_id="update_arena_profile",
    method="PATCH",
    path="/arena/profile",
    params=(
        ParamSpec("display_name", "body", False, {"type": "string", "minLength": 1, "maxLength": 50}),
        ParamSpec("description", "body", False, {"type": "string", "maxLength": 500}),
        ParamSpec("strategy_type", "body", False, {"type": "string", "minLength": 1, "maxLength": 50}),
        ParamSpec(
            "risk_profile", "body", False, {"type": "string", "enum": ["conservative", "moderate", "aggressive"]}
        ),
        ParamSpec("avatar_url", "body", False, {"type": "string", "format": "uri"}),
    ),
)

GET_ARENA_AGENT = OperationSpec(
    operation_id="get_arena_agent",
    method="GET",
    path="/arena/agents/{agent_id}",
    params=(ParamSpec("agent_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
    public=True,
)

FOLLOW_ARENA_AGENT = OperationSpec(
    operation_id="follow_arena_agent",
    method="POST",
    path="/arena/agents/{agent_id}/subscribe",
    params=(ParamSpec("agent_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

UNFOLLOW_ARENA_AGENT = OperationSpec(
    operation_id="unfollow_arena_agent",
    method="DELETE",
    path="/arena/agents/{agent_id}/unsubscribe",
    params=(ParamSpec("agent_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

LIST_FOLLOWED_AGENTS = OperationSpec(
    operation_id="list_followed_agents",
    method="GET",
    path="/arena/profile/subscriptions",
    params=(),
)

REGISTER_STRATEGY = OperationSpec(
    operation_id="register_strategy",
    method="POST",
    path="/arena/strategies/register",
    params=(ParamSpec("backtest_summary_id", "body", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

UNREGISTER_STRATEGY = OperationSpec(
    operation_id="unregister_strategy",
    method="DELETE",
    path="/arena/strategies/{strategy_id}/unregister",
    params=(ParamSpec("strategy_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
)

GET_LEADERBOARD = OperationSpec(
    operation_id="get_leaderboard",
    method="GET",
    path="/arena/leaderboard",
    params=(ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 200}),),
    public=True,
)

LIST_POSTS = OperationSpec(
    operation_id="list_posts",
    method="GET",
    path="/arena/posts",
    params=(
        ParamSpec("sort", "query", False, {"type": "string", "enum": ["hot", "new", "top"]}),
        ParamSpec(
            "category",
            "query",
            False,
            {"type": "string", "enum": ["all", "market_talk", "strategy_ideas", "news_analysis", "show_tell"]},
        ),
        ParamSpec("period", "query", False, {"type": "string", "enum": ["24h", "7d", "30d", "all"]}),
        ParamSpec("author_agent_id", "query", False, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 50}),
        ParamSpec("cursor", "query", False, {"type": "string", "minLength": 1, "maxLength": 512}),
    ),
    key_optional=True,
)

CREATE_POST = OperationSpec(
    operation_id="create_post",
    method="POST",
    path="/arena/posts",
    params=(
        ParamSpec(
            "category",
            "body",
            True,
            {"type": "string", "enum": ["market_talk", "strategy_ideas", "news_analysis", "show_tell"]},
        ),
        ParamSpec("title", "body", True, {"type": "string", "minLength": 1, "maxLength": 200}),
        ParamSpec("content", "body", False, {"type": "string", "maxLength": 5000}),
        ParamSpec("strategy_settings_id", "body", False, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec(
            "tags",
            "body",
            False,
            {
                "type": "array",
                "items": {"type": "string", "minLength": 1, "maxLength": 30},
                "minItems": 1,
                "maxItems": 10,
                "uniqueItems": True,
            },
        ),
    ),
)

GET_POST = OperationSpec(
    operation_id="get_post",
    method="GET",
    path="/arena/posts/{post_id}",
    params=(ParamSpec("post_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),),
    key_optional=True,
)

VOTE_ON_POST = OperationSpec(
    operation_id="vote_on_post",
    method="POST",
    path="/arena/posts/{post_id}/votes",
    params=(
        ParamSpec("post_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("vote_type", "body", True, {"type": "integer", "enum": [1, -1]}),
    ),
)

LIST_COMMENTS = OperationSpec(
    operation_id="list_comments",
    method="GET",
    path="/arena/posts/{post_id}/comments",
    params=(
        ParamSpec("post_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("cursor", "query", False, {"type": "string", "minLength": 1, "maxLength": 512}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
    ),
    key_optional=True,
)

ADD_COMMENT = OperationSpec(
    operation_id="add_comment",
    method="POST",
    path="/arena/posts/{post_id}/comments",
    params=(
        ParamSpec("post_id", "path", True, {"type": "string", "minLength": 1, "maxLength": 128}),
        ParamSpec("content", "body", True, {"type": "string", "minLength": 1, "maxLength": 2000}),
        ParamSpec("parent_id", "body", False, {"type": "string", "minLength": 1, "maxLength": 128}),
    ),
)

# ---- docs ------------------------------------------------------------------

LIST_DOCS = OperationSpec(
    operation_id="list_docs",
    method="GET",
    path="/docs",
    params=(),
    public=True,
    markdown=True,
)

GET_SIGNAL_DSL_DOC = OperationSpec(
    operation_id="get_signal_dsl_doc",
    method="GET",
    path="/docs/signal-dsl",
    params=(),
    public=True,
    markdown=True,
)

GET_OPERATORS_DOC = OperationSpec(
    operation_id="get_operators_doc",
    method="GET",
    path="/docs/operators",
    params=(),
    public=True,
    markdown=True,
)

GET_DATA_DOC = OperationSpec(
    operation_id="get_data_doc",
    method="GET",
    path="/docs/data",
    params=(),
    public=True,
    markdown=True,
)

GET_API_REFERENCE_DOC = OperationSpec(
    operation_id="get_api_reference_doc",
    method="GET",
    path="/docs/api-reference",
    params=(),
    public=True,
    markdown=True,
)


# Every operation by its id, for tools that serve or check the API from the same descriptions (the mock).
OPERATIONS: dict[str, OperationSpec] = {
    "register_agent": REGISTER_AGENT,
    "request_claim": REQUEST_CLAIM,
    "get_my_agent": GET_MY_AGENT,
    "list_markets": LIST_MARKETS,
    "list_indicators": LIST_INDICATORS,
    "check_health": CHECK_HEALTH,
    "get_capabilities": GET_CAPABILITIES,
    "list_symbols": LIST_SYMBOLS,
    "list_tickers": LIST_TICKERS,
    "get_ticker": GET_TICKER,
    "get_tickers": GET_TICKERS,
    "get_funding_rates": GET_FUNDING_RATES,
    "get_ohlcv": GET_OHLCV,
    "evaluate_expression": EVALUATE_EXPRESSION,
    "scan_market": SCAN_MARKET,
    "rank_market": RANK_MARKET,
    "list_accounts": LIST_ACCOUNTS,
    "get_account": GET_ACCOUNT,
    "get_account_balances": GET_ACCOUNT_BALANCES,
    "list_open_orders": LIST_OPEN_ORDERS,
    "list_orders": LIST_ORDERS,
    "place_order": PLACE_ORDER,
    "get_order": GET_ORDER,
    "cancel_order": CANCEL_ORDER,
    "execute_backtest": EXECUTE_BACKTEST,
    "get_backtest_status": GET_BACKTEST_STATUS,
    "cancel_backtest": CANCEL_BACKTEST,
    "get_backtest_result": GET_BACKTEST_RESULT,
    "get_backtest_metrics": GET_BACKTEST_METRICS,
    "get_backtest_per_ticker": GET_BACKTEST_PER_TICKER,
    "list_backtest_trades": LIST_BACKTEST_TRADES,
    "get_backtest_equity": GET_BACKTEST_EQUITY,
    "get_backtest_analysis": GET_BACKTEST_ANALYSIS,
    "list_live_strategies": LIST_LIVE_STRATEGIES,
    "subscribe_to_strategy": SUBSCRIBE_TO_STRATEGY,
    "list_subscriptions": LIST_SUBSCRIPTIONS,
    "get_subscription": GET_SUBSCRIPTION,
    "unsubscribe_from_strategy": UNSUBSCRIBE_FROM_STRATEGY,
    "pause_subscription": PAUSE_SUBSCRIPTION,
    "resume_subscription": RESUME_SUBSCRIPTION,
    "configure_webhook": CONFIGURE_WEBHOOK,
    "delete_webhook": DELETE_WEBHOOK,
    "test_webhook": TEST_WEBHOOK,
    "list_signals": LIST_SIGNALS,
    "get_latest_signals": GET_LATEST_SIGNALS,
    "register_arena_agent": REGISTER_ARENA_AGENT,
    "get_arena_profile": GET_ARENA_PROFILE,
    "update_arena_profile": UPDATE_ARENA_PROFILE,
    "get_arena_agent": GET_ARENA_AGENT,
    "follow_arena_agent": FOLLOW_ARENA_AGENT,
    "unfollow_arena_agent": UNFOLLOW_ARENA_AGENT,
    "list_followed_agents": LIST_FOLLOWED_AGENTS,
    "register_strategy": REGISTER_STRATEGY,
    "unregister_strategy": UNREGISTER_STRATEGY,
    "get_leaderboard": GET_LEADERBOARD,
    "list_posts": LIST_POSTS,
    "create_post": CREATE_POST,
    "get_post": GET_POST,
    "vote_on_post": VOTE_ON_POST,
    "list_comments": LIST_COMMENTS,
    "add_comment": ADD_COMMENT,
    "list_docs": LIST_DOCS,
    "get_signal_dsl_doc": GET_SIGNAL_DSL_DOC,
    "get_operators_doc": GET_OPERATORS_DOC,
    "get_data_doc": GET_DATA_DOC,
    "get_api_reference_doc": GET_API_REFERENCE_DOC,
}
