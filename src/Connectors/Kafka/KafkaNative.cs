using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// Loads librdkafka once per process, before any Kafka client. On Linux x64 it prefers the build
/// that librdkafka.redist ships for CentOS 8 (centos8-librdkafka.so): the default build needs
/// libsasl2.so.3, which Debian and Ubuntu do not have, and would fail at the first client with an
/// obscure DllNotFoundException. Elsewhere Confluent.Kafka's own choice stands. (Confluent's
/// Library.Load cannot take the path: it dlopens through "libdl", which glibc 2.34+ systems lack,
/// so the CentOS build is handed to its DllImport of "librdkafka" instead.)
/// </summary>
public static class KafkaNative
{
    private static readonly Lock Gate = new();
    private static string? _loadedPath;
    private static IntPtr _handle;
    private static bool _resolved;

    /// <summary>The file librdkafka was loaded from, or null when Confluent.Kafka chose it itself.</summary>
    public static string? LoadedPath
    {
        get
        {
            EnsureLoaded();
            return _loadedPath;
        }
    }

    /// <summary>Loads librdkafka if not done yet. Safe to call from any thread, any number of times.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_resolved)
                return;
            _resolved = true;
            if (Library.IsLoaded || Centos8Build() is not { } path)
                return;
            _handle = NativeLibrary.Load(path);
            _loadedPath = path;
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(Library).Assembly,
                    (name, _, _) => name.Contains("librdkafka", StringComparison.Ordinal) ? _handle : IntPtr.Zero);
            }
            catch (InvalidOperationException)
            {
                // The application set its own resolver for Confluent.Kafka: its choice stands.
            }
        }
    }

    /// <summary>The handle of the loaded librdkafka, for the functions Confluent.Kafka does not wrap (the mock cluster).</summary>
    internal static IntPtr Handle()
    {
        EnsureLoaded();
        var path = _loadedPath ?? throw new PlatformNotSupportedException(
            "The Kafka mock cluster needs the Linux x64 build of librdkafka that librdkafka.redist ships (centos8-librdkafka.so).");
        _ = path;
        return _handle;
    }

    private static string? Centos8Build()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return null;
        const string relative = "runtimes/linux-x64/native/centos8-librdkafka.so";
        string?[] roots = [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(Library).Assembly.Location),
            Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)];
        return roots.Where(r => !string.IsNullOrEmpty(r)).Select(r => Path.Combine(r!, relative)).FirstOrDefault(File.Exists);
    }
}
