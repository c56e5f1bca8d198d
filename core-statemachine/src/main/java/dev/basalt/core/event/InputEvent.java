package dev.basalt.core.event;

/** A fact about the world, delivered to the core in journal order. */
public sealed interface InputEvent
    permits NodeStarted,
        ClockTicked,
        WakeupFired,
        L1HeadObserved,
        L1SafeObserved,
        L1FinalizedObserved,
        L1BlockFetched,
        BlobsFetched,
        RequestFailed,
        EngineResponseReceived,
        GossipPayloadReceived,
        AdminRequestReceived,
        ConductorPayloadCommitted,
        ConductorLeaderChecked,
        UnsafeBlockSignerObserved {}
