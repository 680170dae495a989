/*
 * The console API: fetch with the access token (kept in sessionStorage, this tab only, sent as a Bearer header).
 */
const API = '/admin/api';
const TOKEN_KEY = 'huibot.admin.token';

export class ApiError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details || {};
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let unauthorized = function () {};

/** What to do when the server answers 401 (the token expired or was revoked): set by main.js. */
export function whenUnauthorized(handler) {
  unauthorized = handler;
}

function headers(extra) {
  const result = Object.assign({ Accept: 'application/json' }, extra);
  const value = token.get();
  if (value) result.Authorization = 'Bearer ' + value;
  return result;
}

/** A JSON call; resolves with the answer's data, rejects with an ApiError carrying the server's message. */
export function request(method, path, body) {
  const init = { method: method, headers: headers(), cache: 'no-store' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(API + path, init).then(function (res) {
    return res.text().then(function (text) {
      let data = null;
      try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
      if (res.ok) return data;
      const error = (data && data.error) || {};
      if (res.status === 401) unauthorized('登录已失效，请重新输入访问令牌。');
      throw new ApiError(res.status, error.message || '请求失败（' + res.status + '）', error.details);
    });
  }, function () {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试。');
  });
}

/** A file from the API (exports), as a Blob. */
export function download(path) {
  return fetch(API + path, { headers: headers(), cache: 'no-store' }).then(function (res) {
    if (!res.ok) return res.json().then(function (d) { throw new ApiError(res.status, (d && d.error && d.error.message) || '导出失败'); });
    return res.blob();
  });
}
