using System;

namespace Applivery.Downloads;

/// <summary>An expected failure: its message is the one line the tool prints, with the exit code to return.</summary>
internal sealed class ToolException : Exception
{
    public ToolException(string message, int exitCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
