using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;

namespace Exclaimer.Reseller.PowerShell.Errors;

/// <summary>The command an error happened in: its name, its parameters, and whether it changes anything.</summary>
internal sealed class ErrorContext
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    public ErrorContext(string commandName, IEnumerable<string> parameters, bool changesData)
    {
        CommandName = commandName;
        Parameters = new HashSet<string>(parameters, StringComparer.Ordinal);
        ChangesData = changesData;
    }

    private ErrorContext()
    {
        CommandName = string.Empty;
        Parameters = None;
    }

    /// <summary>No command to speak of: messages are left as the SDK wrote them.</summary>
    public static ErrorContext Unknown { get; } = new();

    public string CommandName { get; }

    public HashSet<string> Parameters { get; }

    /// <summary>Whether the command writes (a read never says "nothing was written").</summary>
    public bool ChangesData { get; }

    public bool IsConnect => CommandName == ParameterNames.ConnectCommand;

    /// <summary>The context of <paramref name="cmdlet"/>.</summary>
    public static ErrorContext Of(PSCmdlet cmdlet, bool changesData) =>
        new(cmdlet.MyInvocation.MyCommand.Name, cmdlet.MyInvocation.MyCommand.Parameters.Keys, changesData);

    /// <summary>Whether <paramref name="cmdlet"/>'s class declares SupportsShouldProcess, i.e. it makes changes.</summary>
    public static bool Changes(Cmdlet cmdlet) =>
        cmdlet.GetType().GetCustomAttribute<CmdletAttribute>()?.SupportsShouldProcess == true;
}
