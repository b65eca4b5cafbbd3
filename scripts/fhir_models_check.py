#!/usr/bin/env python3
"""Validate dicomidx FHIR R5 or STU3 output with the fhir.resources models.

validate.py (../shared/fhir) covers R4; this covers the other two releases dicomidx writes:
  python3 scripts/fhir_models_check.py --version r5 studies.json bundles.ndjson
  python3 scripts/fhir_models_check.py --version stu3 resources.ndjson

Each file is a JSON array of resources (`--format json`), or one resource per line (Bundles
from `--format bundle`, resources from `--format ndjson`). Every resource is validated with
the pydantic model of its type, which checks element names, types, required elements and
code values; Bundle entries and contained resources are validated as part of their parent.
Prints one line per problem and "N resources, N problems"; exit status 0 when there is none,
1 when there are problems, 2 when fhir.resources is missing.

Needs: python3 -m pip install "fhir.resources==8.3.0"
"""
from __future__ import annotations

import argparse
import json
import sys


def model_class(version: str, resource_type: str):
    if version == "stu3":
        from fhir.resources.STU3 import get_fhir_model_class
    else:
        from fhir.resources import get_fhir_model_class
    return get_fhir_model_class(resource_type)


def resources(path: str):
    """(where, resource) for every top-level resource of a file."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    stripped = text.lstrip()
    if stripped.startswith("["):
        for index, resource in enumerate(json.loads(stripped)):
            yield f"{path}[{index}]", resource
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield f"{path}:{number}", json.loads(line)


def problems(version: str, where: str, resource) -> list[str]:
    from pydantic import ValidationError
    if not isinstance(resource, dict) or "resourceType" not in resource:
        return [f"{where}: not a FHIR resource"]
    try:
        cls = model_class(version, resource["resourceType"])
    except Exception as error:  # unknown resource type
        return [f"{where}: no {version} model for {resource['resourceType']!r}: {error}"]
    try:
        cls.model_validate(resource)
    except ValidationError as error:
        return [f"{where}:{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in error.errors()]
    return []


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", choices=["r5", "stu3"], required=True)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    try:
        import fhir.resources  # noqa: F401
    except ImportError:
        print("fhir_models_check.py needs: python3 -m pip install fhir.resources==8.3.0", file=sys.stderr)
        return 2
    count, found = 0, []
    for path in args.paths:
        for where, resource in resources(path):
            count += 1
            found += problems(args.version, f"{where}:{resource.get('resourceType')}", resource)
    for line in found:
        print(line)
    print(f"{count} resources, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
