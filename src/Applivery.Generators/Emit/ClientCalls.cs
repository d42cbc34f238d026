using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// What the operations of a client share: the methods that add a security requirement's credentials
/// (<c>Authorize…Async</c>) and those that read a set of typed error bodies (<c>Read…Errors</c>), one per distinct
/// requirement and per distinct set rather than a copy in every operation, and which of the client's shared
/// asynchronous calls (<c>SendAsync</c>, <c>SendJsonAsync</c>, <c>SendAndReadAsync</c>) its operations hand their request to.
/// </summary>
/// <remarks>
/// An <c>async</c> method is a state machine the compiler writes out for each one: as one per operation, they were the
/// costliest part of compiling GitHub's client. Its 1,223 operations now share three calls, 122 error readers and one
/// authorizer; only the 44 whose success is text, a download, a body that may be empty or one type per status keep an
/// <c>async</c> success reader of their own.
/// </remarks>
internal sealed class ClientCalls
{
    private readonly Dictionary<string, string> _authorizers;
    private readonly Dictionary<string, string> _errorReaders;

    public ClientCalls(Dictionary<string, string> authorizers, Dictionary<string, string> errorReaders, string helperSource, bool sendsWithoutBody, bool sendsJson, bool sendsAndReads)
    {
        _authorizers = authorizers;
        _errorReaders = errorReaders;
        HelperSource = helperSource;
        SendsWithoutBody = sendsWithoutBody;
        SendsJson = sendsJson;
        SendsAndReads = sendsAndReads;
    }

    /// <summary>The shared authorizers and error readers, as members of the client class.</summary>
    public string HelperSource { get; }

    /// <summary>Some operation returns no body through <c>SendAsync</c>.</summary>
    public bool SendsWithoutBody { get; }

    /// <summary>Some operation returns its JSON body through <c>SendJsonAsync</c>.</summary>
    public bool SendsJson { get; }

    /// <summary>Some operation reads its success with a reader of its own, through <c>SendAndReadAsync</c>.</summary>
    public bool SendsAndReads { get; }

    /// <summary>The authorizer of the operation's security requirement; null when it sends no credential.</summary>
    public string? AuthorizerOf(OperationSpec operation) => _authorizers.TryGetValue(operation.MethodName, out var name) ? name : null;

    /// <summary>The reader of the operation's typed error bodies; null when it types none.</summary>
    public string? ErrorReaderOf(OperationSpec operation) => _errorReaders.TryGetValue(operation.MethodName, out var name) ? name : null;
}
