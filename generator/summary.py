"""Print what the spec covers: operations per tag, with the scope each needs.

`make demo` runs this until the end-to-end demo lands (see README.md).
"""

from __future__ import annotations

from collections import defaultdict

from generator.spec import TAGS, Operation, iter_operations, load_spec, required_scopes


def scope_label(operation: Operation) -> str:
    scopes = required_scopes(operation)
    if scopes is None:
        return "public"
    optional = {} in (operation.raw.get("security") or [])
    return ",".join(sorted(scopes)) + (" (optional)" if optional else "")


def main() -> None:
    spec = load_spec()
    by_tag: dict[str, list[Operation]] = defaultdict(list)
    for operation in iter_operations(spec):
        by_tag[operation.raw["tags"][0]].append(operation)
    total = sum(len(operations) for operations in by_tag.values())
    print(f"{spec['info']['title']} {spec['info']['version']}: {total} operations in {len(by_tag)} groups\n")
    for tag in TAGS:
        print(f"{tag} ({len(by_tag[tag])})")
        for operation in by_tag[tag]:
            method, scope = operation.method.upper(), scope_label(operation)
            print(f"  {method:6} {operation.path:58} {operation.operation_id:32} {scope}")
        print()
    print("The SDK, the sandbox and the end-to-end demo are being built on this spec; see README.md.")


if __name__ == "__main__":
    main()
