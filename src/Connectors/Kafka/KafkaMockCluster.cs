using System.Runtime.InteropServices;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// librdkafka's mock Kafka cluster (rd_kafka_mock_cluster_new) in this process: real brokers on
/// loopback TCP ports that serve the Kafka protocol (produce, fetch, metadata, offsets, consumer
/// groups, idempotence). For tests and <c>actorstream dev kafka</c>, never production. Its limits:
/// topics are created through <see cref="CreateTopic"/> (the admin API cannot), a partition keeps
/// only its last few MiB, and transactions are not real: read_committed consumers see aborted
/// records and offsets sent within a transaction are dropped.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private const int ProducerType = 0;
    private readonly IntPtr _client;
    private readonly IntPtr _cluster;
    private readonly Native _native;
    private int _disposed;

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers on ephemeral loopback ports.</summary>
    public KafkaMockCluster(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(brokers);
        _native = Native.Instance.Value;
        var errors = new byte[512];
        var conf = _native.ConfNew();
        _native.ConfSet(conf, "log_level", "3"); // its client has no brokers of its own to talk to: silence the warning
        // The cluster lives in a client handle's background threads; the client itself is never used.
        _client = _native.New(ProducerType, conf, errors, (UIntPtr)errors.Length);
        if (_client == IntPtr.Zero)
            throw new InvalidOperationException($"librdkafka could not create the mock cluster's client: {Text(errors)}");
        _cluster = _native.ClusterNew(_client, brokers);
        if (_cluster == IntPtr.Zero)
        {
            _native.Destroy(_client);
            throw new InvalidOperationException("librdkafka could not start a mock cluster (see its log above).");
        }
        BootstrapServers = Marshal.PtrToStringUTF8(_native.Bootstraps(_cluster))!;
        // With a controller, admin requests the mock cannot serve (CreateTopics) fail at once as unsupported
        // instead of timing out while waiting for one.
        _native.SetControllerId(_cluster, 1);
    }

    /// <summary>The brokers' addresses, "127.0.0.1:port,...".</summary>
    public string BootstrapServers { get; }

    /// <summary>Creates <paramref name="topic"/> with <paramref name="partitions"/> partitions (no-op error when it exists).</summary>
    public void CreateTopic(string topic, int partitions = 1, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitions);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var error = _native.TopicCreate(_cluster, topic, partitions, replicationFactor);
        if (error != 0 && error != TopicAlreadyExists)
            throw new InvalidOperationException($"The mock cluster could not create topic '{topic}': error {error}.");
    }

    /// <summary>
    /// Advertises broker <paramref name="brokerId"/> (1-based) at <paramref name="host"/>:<paramref name="port"/>
    /// in metadata, e.g. a fixed port that forwards to its ephemeral one.
    /// </summary>
    public void Advertise(int brokerId, string host, int port)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _native.SetHostPort(_cluster, brokerId, host, port);
    }

    /// <summary>Stops the brokers.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _native.ClusterDestroy(_cluster);
        _native.Destroy(_client);
    }

    private const int TopicAlreadyExists = 36;

    private static string Text(byte[] buffer) =>
        System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Max(0, Array.IndexOf(buffer, (byte)0)));

    /// <summary>The mock functions, bound once to the librdkafka that Confluent.Kafka uses.</summary>
    private sealed unsafe class Native
    {
        public static readonly Lazy<Native> Instance = new(() => new Native(KafkaNative.Handle()));

        private readonly delegate* unmanaged<IntPtr> _confNew;
        private readonly delegate* unmanaged<int, IntPtr, byte*, UIntPtr, IntPtr> _new;
        private readonly delegate* unmanaged<IntPtr, void> _destroy;
        private readonly delegate* unmanaged<IntPtr, int, IntPtr> _clusterNew;
        private readonly delegate* unmanaged<IntPtr, void> _clusterDestroy;
        private readonly delegate* unmanaged<IntPtr, IntPtr> _bootstraps;
        private readonly delegate* unmanaged<IntPtr, byte*, int, int, int> _topicCreate;
        private readonly delegate* unmanaged<IntPtr, int, byte*, int, void> _setHostPort;
        private readonly delegate* unmanaged<IntPtr, byte*, byte*, byte*, UIntPtr, int> _confSet;
        private readonly delegate* unmanaged<IntPtr, int, int> _setControllerId;

        private Native(IntPtr library)
        {
            _confNew = (delegate* unmanaged<IntPtr>)NativeLibrary.GetExport(library, "rd_kafka_conf_new");
            _new = (delegate* unmanaged<int, IntPtr, byte*, UIntPtr, IntPtr>)NativeLibrary.GetExport(library, "rd_kafka_new");
            _destroy = (delegate* unmanaged<IntPtr, void>)NativeLibrary.GetExport(library, "rd_kafka_destroy");
            _clusterNew = (delegate* unmanaged<IntPtr, int, IntPtr>)NativeLibrary.GetExport(library, "rd_kafka_mock_cluster_new");
            _clusterDestroy = (delegate* unmanaged<IntPtr, void>)NativeLibrary.GetExport(library, "rd_kafka_mock_cluster_destroy");
            _bootstraps = (delegate* unmanaged<IntPtr, IntPtr>)NativeLibrary.GetExport(library, "rd_kafka_mock_cluster_bootstraps");
            _topicCreate = (delegate* unmanaged<IntPtr, byte*, int, int, int>)NativeLibrary.GetExport(library, "rd_kafka_mock_topic_create");
            _setHostPort = (delegate* unmanaged<IntPtr, int, byte*, int, void>)NativeLibrary.GetExport(library, "rd_kafka_mock_broker_set_host_port");
            _confSet = (delegate* unmanaged<IntPtr, byte*, byte*, byte*, UIntPtr, int>)NativeLibrary.GetExport(library, "rd_kafka_conf_set");
            _setControllerId = (delegate* unmanaged<IntPtr, int, int>)NativeLibrary.GetExport(library, "rd_kafka_mock_set_controller_id");
        }

        public IntPtr ConfNew() => _confNew();

        public void ConfSet(IntPtr conf, string name, string value)
        {
            var errors = new byte[256];
            fixed (byte* n = Utf8(name), v = Utf8(value), e = errors)
                _confSet(conf, n, v, e, (UIntPtr)errors.Length);
        }

        public void SetControllerId(IntPtr cluster, int broker) => _setControllerId(cluster, broker);

        public IntPtr New(int type, IntPtr conf, byte[] errors, UIntPtr size)
        {
            fixed (byte* e = errors)
                return _new(type, conf, e, size);
        }

        public void Destroy(IntPtr client) => _destroy(client);

        public IntPtr ClusterNew(IntPtr client, int brokers) => _clusterNew(client, brokers);

        public void ClusterDestroy(IntPtr cluster) => _clusterDestroy(cluster);

        public IntPtr Bootstraps(IntPtr cluster) => _bootstraps(cluster);

        public int TopicCreate(IntPtr cluster, string topic, int partitions, int replication)
        {
            fixed (byte* t = Utf8(topic))
                return _topicCreate(cluster, t, partitions, replication);
        }

        public void SetHostPort(IntPtr cluster, int broker, string host, int port)
        {
            fixed (byte* h = Utf8(host))
                _setHostPort(cluster, broker, h, port);
        }

        private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text + "\0");
    }
}
