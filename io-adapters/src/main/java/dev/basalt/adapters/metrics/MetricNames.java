package dev.basalt.adapters.metrics;

import java.util.List;

/**
 * Every metric family Basalt exports, by its exposed name (counters carry {@code _total},
 * histograms {@code _bucket}/{@code _sum}/{@code _count}). The Grafana dashboard in
 * {@code docs/grafana/basalt.json} may only use these.
 */
public final class MetricNames {
  private MetricNames() {}

  public static final String INFO = "basalt_info";
  public static final String HEAD_NUMBER = "basalt_head_number";
  public static final String HEAD_TIMESTAMP_SECONDS = "basalt_head_timestamp_seconds";
  public static final String L1_HEAD_LAG_BLOCKS = "basalt_l1_head_lag_blocks";
  public static final String DERIVATION_IDLE = "basalt_derivation_idle";
  public static final String PIPELINE_RESETS = "basalt_pipeline_resets_total";
  public static final String L1_REORGS = "basalt_l1_reorgs_total";
  public static final String L1_REORG_DEPTH = "basalt_l1_reorg_depth_blocks";
  public static final String ENGINE_CALL_SECONDS = "basalt_engine_call_seconds";
  public static final String L1_CALL_SECONDS = "basalt_l1_call_seconds";
  public static final String ERRORS = "basalt_errors_total";
  public static final String JOURNAL_SIZE_BYTES = "basalt_journal_size_bytes";
  public static final String JOURNAL_INPUTS = "basalt_journal_inputs";
  public static final String JOURNAL_APPEND_SECONDS = "basalt_journal_append_seconds";
  public static final String RING_OCCUPANCY = "basalt_ring_occupancy";
  public static final String RPC_REQUESTS = "basalt_rpc_requests_total";
  public static final String RPC_REQUEST_SECONDS = "basalt_rpc_request_seconds";
  public static final String RPC_WS_CONNECTIONS = "basalt_rpc_websocket_connections";
  public static final String RPC_WS_SUBSCRIPTIONS = "basalt_rpc_subscriptions";
  public static final String RPC_WS_COALESCED = "basalt_rpc_notifications_coalesced_total";
  public static final String SEQUENCER_BLOCKS_PUBLISHED = "basalt_sequencer_blocks_published_total";
  public static final String CONDUCTOR_CALL_SECONDS = "basalt_conductor_call_seconds";

  public static final List<String> ALL = List.of(INFO, HEAD_NUMBER, HEAD_TIMESTAMP_SECONDS, L1_HEAD_LAG_BLOCKS,
      DERIVATION_IDLE, PIPELINE_RESETS, L1_REORGS, L1_REORG_DEPTH, ENGINE_CALL_SECONDS, L1_CALL_SECONDS, ERRORS,
      JOURNAL_SIZE_BYTES, JOURNAL_INPUTS, JOURNAL_APPEND_SECONDS, RING_OCCUPANCY, RPC_REQUESTS, RPC_REQUEST_SECONDS,
      RPC_WS_CONNECTIONS, RPC_WS_SUBSCRIPTIONS, RPC_WS_COALESCED, SEQUENCER_BLOCKS_PUBLISHED, CONDUCTOR_CALL_SECONDS);
}
