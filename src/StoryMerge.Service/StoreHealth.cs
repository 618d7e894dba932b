using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service;

/// <summary>The store's condition as the service last saw it: fine, or the fault that refused the last write and since when.</summary>
/// <remarks>Set by <see cref="StoreGate"/> when a turn fails with a storage fault, cleared when a write succeeds again; read by /health without taking a turn. Thread-safe.</remarks>
public sealed class StoreHealth(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private StoreCondition? _current;

    /// <summary>The fault in force, or null when the store is fine.</summary>
    public StoreCondition? Current => Volatile.Read(ref _current);

    public void Record(StoreFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
            if (_current is null || _current.Fault.Kind != fault.Kind) Volatile.Write(ref _current, new StoreCondition(fault, clock.GetUtcNow()));
    }

    public void Clear()
    {
        lock (_lock) Volatile.Write(ref _current, null);
    }

    /// <summary>"ok", "read-only" or "degraded".</summary>
    public string Status => Current is { } c ? (c.Fault.Kind == StoreFaultKind.ReadOnly ? "read-only" : "degraded") : "ok";
}

/// <summary>A storage fault in force and when it was first seen.</summary>
public sealed record StoreCondition(StoreFault Fault, DateTimeOffset Since);
