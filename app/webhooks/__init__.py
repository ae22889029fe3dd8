"""Webhooks: events in an outbox, CloudEvents (NL GOV profile), signed delivery by a worker.

- `events`: the catalogue of event types and `publiceer`, which writes an event to the outbox in
  the caller's transaction;
- `cloudevents`: the CloudEvent a subscriber receives for an event;
- `sinks`: which URLs may receive events;
- `delivery`: one signed attempt, its outcome, and the retry schedule;
- `worker`: claims due deliveries with a lease and delivers them, in-process or as a process;
- `service`: subscriptions and their deliveries, for the `/v1/abonnementen` router.
"""
