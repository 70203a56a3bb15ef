"""
SCIM 2.0 provisioning (RFC 7643/7644): a force's identity-governance system (Microsoft Entra ID
provisioning, for instance) creates, updates and deactivates people at ``/scim/v2/``.

The same rules as every other way in: people are deactivated, never deleted; a change of unit
is a move (``UnitMembership`` keeps the history, ``accounts.signals``); mandatory-training
assignments follow (``compliance.signals``). Nothing here grants staff, administrator or role
powers. Resources are parsed and written with ``scim2-models``; filters are read with
``scim2-filter-parser``; the views are our own (``docs/decisions.md``, 68).

- ``auth``: the Bearer token (``accounts.tokens``, scope ``provision``) and the units it covers;
- ``mapping``: a ``User`` as a SCIM resource and back, and the filterable attributes;
- ``services``: create, replace, patch and deactivate, each atomic and audited;
- ``views``: the endpoints, with SCIM error bodies for every refusal.
"""
