using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>One table of records in the order they were first stored, indexed by their id (without regard to case).</summary>
internal sealed class StoreRows<T>
    where T : class
{
    private readonly List<T> _rows = new();
    private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<T, string> _id;

    public StoreRows(Func<T, string> id) => _id = id;

    public IReadOnlyList<T> Rows => _rows;

    public T? Find(string id) => _positions.TryGetValue(id, out var position) ? _rows[position] : null;

    /// <summary>Puts a row in place of the one with its id, or after the others; returns the row it replaced.</summary>
    public T? Put(T row)
    {
        var id = _id(row);
        if (_positions.TryGetValue(id, out var position))
        {
            var replaced = _rows[position];
            _rows[position] = row;
            return replaced;
        }

        _positions.Add(id, _rows.Count);
        _rows.Add(row);
        return null;
    }

    public void Clear()
    {
        _rows.Clear();
        _positions.Clear();
    }
}

/// <summary>A write's puts into one table, kept aside over the committed rows until the store commits them.</summary>
internal sealed class PendingRows<T>
    where T : class
{
    private readonly StoreRows<T> _committed;
    private readonly Func<T, string> _id;
    private readonly Dictionary<string, T> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<T> _added = new();

    public PendingRows(StoreRows<T> committed, Func<T, string> id)
    {
        _committed = committed;
        _id = id;
    }

    /// <summary>The puts in the order they were made; the last put of an id wins.</summary>
    public List<T> Puts { get; } = new();

    public IReadOnlyList<T> Rows
    {
        get
        {
            if (_pending.Count == 0)
            {
                return _committed.Rows;
            }

            var all = new List<T>(_committed.Rows.Count + _added.Count);
            foreach (var row in _committed.Rows)
            {
                all.Add(_pending.TryGetValue(_id(row), out var changed) ? changed : row);
            }

            foreach (var row in _added)
            {
                all.Add(_pending[_id(row)]);
            }

            return all;
        }
    }

    public T? Find(string id) => _pending.TryGetValue(id, out var changed) ? changed : _committed.Find(id);

    /// <summary>The rows this write put, the last of each id.</summary>
    public IEnumerable<T> Changed => _pending.Values;

    public void Put(T row, string what)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        var id = _id(row);
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException($"A stored {what} needs an id.", nameof(row));
        }

        if (!_pending.ContainsKey(id) && _committed.Find(id) is null)
        {
            _added.Add(row);
        }

        _pending[id] = row;
        Puts.Add(row);
    }
}
