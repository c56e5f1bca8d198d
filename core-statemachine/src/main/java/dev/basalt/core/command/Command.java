package dev.basalt.core.command;

/** Something the core wants done in the world. */
public sealed interface Command
    permits FetchL1Block,
        FetchBlobs,
        FetchEngineHeads,
        FetchL2Block,
        SendForkchoiceUpdate,
        SendNewPayload,
        GetPayload,
        RecordSafeHead,
        RewindSafeHeads,
        ScheduleWakeup,
        RespondRpc,
        PublishSyncStatus,
        PublishPayload,
        HaltNode,
        CommitUnsafePayload,
        CheckConductorLeader,
        PersistSequencerState,
        ResolveGossipMessage {}
