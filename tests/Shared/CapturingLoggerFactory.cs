using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk.Testing;

/// <summary>
/// Collects every formatted log line at every level, to prove what is and is not logged (R18). Shared by the test
/// projects (linked, not copied).
/// </summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory, ILoggerProvider, ILogger
{
    private readonly List<string> _lines = new();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add(logLevel + " " + formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }

    public void Dispose()
    {
    }
}
