/*
 * Starts Bot Framework Web Chat against the 汇计划 assistant's own Direct Line endpoint.
 * Used by the bot's chat page and embeddable in other sites:
 *   <script src="https://BOT/static/webchat.js"></script>
 *   <script src="https://BOT/static/huibot-chat.js" data-container="ELEMENT-ID"></script>
 * The conversation token is kept in localStorage so a reload (or a return visit) continues
 * the same conversation, including messages the assistant sent in the meantime.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var options = (script && script.dataset) || {};
  // The bot's base URL is wherever this script came from (works behind a path prefix too).
  var botBase = script ? script.src.replace(/\/static\/huibot-chat\.js(?:[?#].*)?$/, '') : location.origin;
  var STORAGE_KEY = 'huibot.webchat.session';
  var TOKEN_SAVE_INTERVAL_MS = 60 * 1000;

  var TEXT = {
    placeholder: '请输入您的问题，例如：深度诊断收费吗？',
    connectFailed: '暂时无法连接“汇计划”助手，请检查网络后重试。',
    retry: '重试',
    noWebChat: '聊天组件加载失败，请刷新页面重试。',
  };

  var styleOptions = {
    accent: '#0b4f9c',
    backgroundColor: '#f5f7fa',
    primaryFont: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#dfe4ec',
    bubbleBorderStyle: 'solid',
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 8,
    bubbleTextColor: '#1f2937',
    bubbleFromUserBackground: '#0b4f9c',
    bubbleFromUserBorderColor: '#0b4f9c',
    bubbleFromUserBorderStyle: 'solid',
    bubbleFromUserBorderWidth: 1,
    bubbleFromUserBorderRadius: 8,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 600,
    botAvatarInitials: '汇',
    botAvatarBackgroundColor: '#b8312f',
    userAvatarInitials: '企',
    userAvatarBackgroundColor: '#0b4f9c',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0b4f9c',
    suggestedActionBorderStyle: 'solid',
    suggestedActionBorderWidth: 1,
    suggestedActionBorderRadius: 16,
    suggestedActionTextColor: '#0b4f9c',
    sendBoxButtonColor: '#0b4f9c',
    sendBoxPlaceholderColor: '#8a94a6',
    sendBoxBorderTop: 'solid 1px #dfe4ec',
    sendBoxHeight: 52,
    hideUploadButton: true,
    richCardWrapTitle: true,
    timestampFormat: 'absolute',
  };

  /**
   * The bot writes one item per line. In markdown a single line break is only a space, so details,
   * summaries and notices would run together: every line break is made a hard one ("  \n").
   */
  function keepLineBreaks(markdown) {
    var LIST_ITEM = /^\s*(\d+[.)]|[-*+])\s/;
    var lines = String(markdown).replace(/\r\n?/g, '\n').split('\n');
    var out = [];
    for (var i = 0; i < lines.length; i++) {
      // A line after a numbered list that is not an item of it ends the list (else markdown runs it into the last item).
      if (i > 0 && LIST_ITEM.test(lines[i - 1]) && lines[i].trim() && !LIST_ITEM.test(lines[i])) out.push('');
      out.push(lines[i]);
    }
    return out
      .map(function (line, j) {
        return j < out.length - 1 && line.trim() && out[j + 1].trim() ? line + '  ' : line;
      })
      .join('\n');
  }

  function renderMarkdown(markdown, style, extras) {
    return window.WebChat.renderMarkdown(keepLineBreaks(markdown), style, extras);
  }

  // Set while «新对话» leaves the page: nothing may save the old conversation again.
  var leaving = false;

  var container = document.getElementById(options.container || 'huibot-webchat');
  var statusBox = options.status ? document.getElementById(options.status) : null;

  function readSession() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      return saved && typeof saved.token === 'string' ? saved : null;
    } catch (err) {
      return null;
    }
  }

  function saveSession(session) {
    if (leaving) return;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (err) {
      // Private mode or a full quota: the chat still works, only without resuming.
    }
  }

  function forgetSession() {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch (err) {
      // Nothing stored, nothing to forget.
    }
  }

  function showStatus(message, onRetry) {
    var box = statusBox || container;
    if (!box) return;
    box.hidden = false;
    box.textContent = message;
    if (onRetry) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = TEXT.retry;
      button.addEventListener('click', onRetry);
      box.appendChild(button);
    }
  }

  function hideStatus() {
    if (statusBox) {
      statusBox.hidden = true;
      statusBox.textContent = '';
    }
  }

  /** A token for this browser: the saved conversation if the bot still knows it, else a new one. */
  function fetchToken() {
    var saved = readSession();
    return fetch(botBase + '/api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(saved ? { resume: saved.token } : {}),
    }).then(function (response) {
      if (!response.ok) throw new Error('token endpoint answered ' + response.status);
      return response.json();
    });
  }

  /**
   * Web Chat ignores a send until Direct Line has connected: a message typed and sent in the first
   * moments (or during a reconnect) would sit in the box, unsent, with nothing said. Such a send is
   * remembered and made once the connection is up.
   */
  var online = false;
  var sendWaiting = false;

  function sendWhenConnected(store) {
    return function (next) {
      return function (action) {
        var result = next(action);
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' || action.type === 'DIRECT_LINE/RECONNECT_FULFILLED') {
          online = true;
          if (sendWaiting) {
            sendWaiting = false;
            setTimeout(function () {
              store.dispatch({ type: 'WEB_CHAT/SUBMIT_SEND_BOX', payload: { method: 'keyboard' } });
            }, 0);
          }
        } else if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS' && action.payload && action.payload.connectionStatus !== 2) {
          online = false; // 2 is ConnectionStatus.Online
        }
        return result;
      };
    };
  }

  function rememberEarlySends() {
    function remember() {
      if (online) return;
      var input = container.querySelector('.webchat__send-box input[type="text"], .webchat__send-box textarea');
      if (input && input.value.trim()) sendWaiting = true;
    }
    container.addEventListener(
      'keydown',
      function (event) {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.target.closest('.webchat__send-box')) remember();
      },
      true,
    );
    container.addEventListener(
      'click',
      function (event) {
        if (event.target.closest && event.target.closest('.webchat__send-button')) remember();
      },
      true,
    );
  }

  function start() {
    if (!window.WebChat) {
      showStatus(TEXT.noWebChat);
      return;
    }
    hideStatus();
    fetchToken().then(
      function (session) {
        saveSession({ token: session.token, conversationId: session.conversationId });
        var directLine = window.WebChat.createDirectLine({
          domain: botBase + '/v3/directline',
          token: session.token,
          // A resumed conversation reconnects (history included) instead of starting anew.
          conversationId: session.resumed ? session.conversationId : undefined,
        });
        // Direct Line refreshes its token; keep the latest so the next visit can resume.
        var remember = function () {
          if (directLine.token) saveSession({ token: directLine.token, conversationId: session.conversationId });
        };
        setInterval(remember, TOKEN_SAVE_INTERVAL_MS);
        window.addEventListener('pagehide', remember);
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: window.WebChat.createStore({}, sendWhenConnected),
            locale: 'zh-CN',
            styleOptions: styleOptions,
            renderMarkdown: window.WebChat.renderMarkdown ? renderMarkdown : undefined,
            overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: TEXT.placeholder },
          },
          container,
        );
        var input = container.querySelector('input[type="text"], textarea');
        if (input) input.focus();
      },
      function () {
        showStatus(TEXT.connectFailed, function () {
          start();
        });
      },
    );
  }

  var newButton = options.newButton ? document.getElementById(options.newButton) : null;
  if (newButton) {
    newButton.addEventListener('click', function () {
      // The reload's pagehide would save the old token again: forget it for good, then start over.
      leaving = true;
      forgetSession();
      location.reload();
    });
  }

  if (container) {
    rememberEarlySends();
    start();
  }
})();
